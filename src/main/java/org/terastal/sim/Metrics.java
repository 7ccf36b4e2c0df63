package org.terastal.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.terastal.domain.Instance;
import org.terastal.domain.Model;
import org.terastal.stats.Quantiles;

/** Turns the simulator's per-frame arrays into {@link ModelMetrics} and {@link AcceleratorMetrics}. */
final class Metrics {
    private Metrics() {
    }

    static SimResult summarise(Instance instance, String latencySource, String scheduler, SimConfig config, long endNs, long dispatches,
                               long[] accBusy, long[] accLayers, int frames, int[] fTask, long[] fRelease, long[] fFinish,
                               long[] fDeadline, FrameStatus[] status, long[] fVariants, Trace trace) {
        List<Model> models = instance.models();
        int nModels = models.size();
        int[] taskModel = new int[instance.tasks().size()];
        double[] taskWeight = new double[taskModel.length];
        for (int t = 0; t < taskModel.length; t++) {
            var task = instance.tasks().get(t);
            taskWeight[t] = task.weight();
            for (int m = 0; m < nModels; m++) {
                if (models.get(m).id().equals(task.model())) {
                    taskModel[t] = m;
                }
            }
        }
        List<Map<Long, Double>> lossCache = new ArrayList<>();
        for (int m = 0; m < nModels; m++) {
            lossCache.add(new HashMap<>());
        }
        int[] framesOf = new int[nModels];
        for (int f = 0; f < frames; f++) {
            framesOf[taskModel[fTask[f]]]++;
        }
        Acc[] perModel = new Acc[nModels];
        for (int m = 0; m < nModels; m++) {
            perModel[m] = new Acc(framesOf[m]);
        }
        int[] framesOfTask = new int[taskModel.length];
        for (int f = 0; f < frames; f++) {
            framesOfTask[fTask[f]]++;
        }
        Acc[] perTask = new Acc[taskModel.length];
        for (int t = 0; t < taskModel.length; t++) {
            perTask[t] = new Acc(framesOfTask[t]);
        }
        Acc all = new Acc(frames);
        for (int f = 0; f < frames; f++) {
            int m = taskModel[fTask[f]];
            double loss = 0;
            if (status[f] != FrameStatus.DROPPED && fVariants[f] != 0) {
                Model model = models.get(m);
                loss = lossCache.get(m).computeIfAbsent(fVariants[f], mask -> {
                    OptionalDouble acc = model.normalisedAccuracy(new HashSet<>(Trace.variantNames(model, mask)));
                    return acc.isPresent() ? 1 - acc.getAsDouble() : Double.NaN;
                });
            }
            double w = taskWeight[fTask[f]];
            perModel[m].add(status[f], fFinish[f] - fRelease[f], fFinish[f] - fDeadline[f], loss, w);
            perTask[fTask[f]].add(status[f], fFinish[f] - fRelease[f], fFinish[f] - fDeadline[f], loss, w);
            all.add(status[f], fFinish[f] - fRelease[f], fFinish[f] - fDeadline[f], loss, w);
        }
        List<ModelMetrics> out = new ArrayList<>();
        for (int m = 0; m < nModels; m++) {
            String id = models.get(m).id();
            // a model that no task runs has nothing to report
            if (instance.tasks().stream().anyMatch(t -> t.model().equals(id))) {
                out.add(perModel[m].metrics(id));
            }
        }
        List<TaskMetrics> tasks = new ArrayList<>();
        for (int t = 0; t < taskModel.length; t++) {
            tasks.add(new TaskMetrics(instance.tasks().get(t).id(), perTask[t].metrics(models.get(taskModel[t]).id())));
        }
        List<AcceleratorMetrics> accs = new ArrayList<>();
        for (int a = 0; a < accBusy.length; a++) {
            accs.add(new AcceleratorMetrics(instance.platform().accelerators().get(a).id(), accBusy[a], (double) accBusy[a] / endNs, accLayers[a]));
        }
        return new SimResult(instance.name(), scheduler, config, latencySource, endNs, dispatches, out, tasks,
                all.metrics(ModelMetrics.OVERALL), accs, trace);
    }

    /** Running totals of one group of frames. */
    private static final class Acc {
        long released;
        long onTime;
        long missed;
        long dropped;
        double weightReleased;
        double weightMissed;
        final long[] response;
        int completed;
        double tardinessSum;
        long tardinessMax;
        double lossSum;
        double lossMax;

        Acc(int capacity) {
            response = new long[capacity];
        }

        void add(FrameStatus s, long responseNs, long lateness, double loss, double weight) {
            released++;
            weightReleased += weight;
            if (s == FrameStatus.DROPPED) {
                dropped++;
                weightMissed += weight;
                return;
            }
            if (s == FrameStatus.ON_TIME) {
                onTime++;
            } else {
                missed++;
                weightMissed += weight;
            }
            response[completed++] = responseNs;
            long tardiness = Math.max(0, lateness);
            tardinessSum += tardiness;
            tardinessMax = Math.max(tardinessMax, tardiness);
            lossSum += loss;
            lossMax = Double.isNaN(loss) ? Double.NaN : Math.max(lossMax, loss);
        }

        ModelMetrics metrics(String name) {
            long[] sorted = Arrays.copyOf(response, completed);
            Arrays.sort(sorted);
            double missRate = released == 0 ? 0 : weightMissed / weightReleased;
            return new ModelMetrics(name, released, onTime, missed, dropped, missRate, percentile(sorted, 0.5), percentile(sorted, 0.95),
                    percentile(sorted, 0.99), completed == 0 ? 0 : sorted[completed - 1], completed == 0 ? 0 : tardinessSum / completed,
                    tardinessMax, completed == 0 ? 0 : lossSum / completed, lossMax);
        }

        /** The nearest-rank q-quantile, 0 when no frame completed. */
        private static long percentile(long[] sorted, double q) {
            return sorted.length == 0 ? 0 : Quantiles.nearestRank(sorted, q);
        }
    }
}
