package org.terastal.domain;

/** The kind of a layer; it decides how the dims translate into work. */
public enum LayerType {
    /** Ordinary convolution: K output channels, each summing over C input channels. */
    CONV,
    /** Depthwise convolution: each of the C channels is filtered on its own (K is the channel multiplier, usually 1). */
    DSCONV,
    /** Fully connected (a 1x1 convolution; Y x X is the token map, 1 x 1 for a plain classifier). */
    FC
}
