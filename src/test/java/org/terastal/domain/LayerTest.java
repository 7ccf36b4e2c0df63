package org.terastal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LayerTest {

    private static Layer conv(String name, int k, int c, int y, int r, int stride, int pad) {
        return new Layer(name, LayerType.CONV, 1, k, c, y, y, r, r, stride, pad);
    }

    @Test
    void variantDividesChannelsByRSquaredAndMultipliesSpatialByR() {
        // VGG11 features.8 at r=2, as exported by the artifact: K256 C256 56x56 -> K64 C64 112x112, inner pad 2
        Layer v = conv("features_8", 256, 256, 56, 3, 1, 1).variant(2);
        assertEquals(64, v.k());
        assertEquals(64, v.c());
        assertEquals(112, v.y());
        assertEquals(112, v.x());
        assertEquals(3, v.r());
        assertEquals(1, v.stride());
        assertEquals(2, v.padY());
        assertEquals(2, v.padX());
        assertEquals(114, v.yOut());
    }

    @Test
    void variantKeepsStride() {
        // InceptionV3 Mixed_6a.branch3x3.conv: K384 C288 35x35 stride 2 -> K96 C72 70x70 stride 2
        Layer original = conv("Mixed_6a", 384, 288, 35, 3, 2, 0);
        Layer v = original.variant(2);
        assertEquals(96, v.k());
        assertEquals(72, v.c());
        assertEquals(70, v.y());
        assertEquals(2, v.stride());
        assertEquals(17, original.yOut());
        assertEquals(34, v.yOut());
    }

    @Test
    void variantCutsMacsByAboutRSquared() {
        Layer original = conv("l", 576, 126, 19, 1, 1, 0);
        Layer v = new Layer("h", LayerType.CONV, 1, 126, 576, 19, 19, 1, 1, 1, 0).variant(3);
        assertEquals(14, v.k());
        assertEquals(64, v.c());
        assertEquals(57, v.y());
        assertEquals(original.macs() / 9, v.macs());
    }

    @Test
    void fcVariantGrowsTheOneByOneMap() {
        Layer fc = new Layer("classifier_0", LayerType.FC, 1, 4096, 25088, 1, 1, 1, 1, 1, 0);
        Layer v = fc.variant(2);
        assertEquals(1024, v.k());
        assertEquals(6272, v.c());
        assertEquals(2, v.y());
        assertEquals(2, v.x());
    }

    @Test
    void ratioMustDivideChannels() {
        Layer layer = new Layer("classification_headers_0_3", LayerType.CONV, 1, 126, 576, 19, 19, 1, 1, 1, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layer.variant(4));
        assertEquals("The K (126) of layer 'classification_headers_0_3' is not divisible by r² = 16 (r = 4); "
                + "maybe choose an r whose square divides both K and C", e.getMessage());
        Layer cOdd = new Layer("odd", LayerType.CONV, 1, 64, 6, 8, 8, 1, 1, 1, 0);
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> cOdd.variant(2));
        assertEquals("The C (6) of layer 'odd' is not divisible by r² = 4 (r = 2); "
                + "maybe choose an r whose square divides both K and C", e2.getMessage());
    }

    @Test
    void depthwiseHasNoVariant() {
        Layer dw = new Layer("dw", LayerType.DSCONV, 1, 1, 64, 8, 8, 3, 3, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> dw.variant(2));
    }

    @Test
    void strideAndBatchCountInWork() {
        Layer s1 = conv("a", 64, 3, 224, 7, 1, 3);
        Layer s2 = conv("a", 64, 3, 224, 7, 2, 3);
        assertEquals(112, s2.yOut());
        assertEquals(224, s1.yOut());
        assertEquals(s1.macs(), 4 * s2.macs());
    }

    @Test
    void dimensionsMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> conv("z", 0, 3, 8, 3, 1, 1));
        assertEquals("The K (0) of layer 'z' must be positive", e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> conv("z", 4, 3, -8, 3, 1, 1));
        assertEquals("The Y (-8) of layer 'z' must be positive", e2.getMessage());
    }
}
