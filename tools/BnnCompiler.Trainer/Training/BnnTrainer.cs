using System.Diagnostics;
using System.Globalization;
using BnnCompiler.Data;
using BnnCompiler.Trainer.Model;
using BnnCompiler.Trainer.Numerics;

namespace BnnCompiler.Trainer.Training;

/// <summary>Trains a <see cref="Network"/> with the STE, BatchNorm and Adam/SGD, deterministic for a seed.</summary>
internal sealed class BnnTrainer
{
    private readonly TrainOptions _options;
    private readonly Action<string> _log;

    public BnnTrainer(TrainOptions options, Action<string>? log = null)
    {
        _options = options;
        _log = log ?? (_ => { });
    }

    public List<EpochLog> Epochs { get; } = [];

    public double TrainSeconds { get; private set; }

    public Network Train(Dataset train, Dataset? test = null, int evalEvery = 0)
    {
        var o = _options;
        var rng = new Rng(o.Seed);
        var net = Architectures.Build(o.Arch, o.Widths, rng.Fork(1));
        if (o.InitialModelPath is not null)
        {
            Export.QonnxLoader.LoadInto(net, File.ReadAllBytes(o.InitialModelPath));
        }
        var dataRng = rng.Fork(2);
        var indices = Subset(train.Count, o.Limit);
        var count = indices.Length;
        var batches = count / o.BatchSize;
        if (batches == 0)
        {
            throw new ArgumentException($"fewer training images ({count}) than one batch ({o.BatchSize})");
        }

        var totalSteps = (long)batches * o.Epochs;
        var warmupSteps = (long)(o.WarmupEpochs * batches);
        var parameters = net.Params().ToList();
        var optimizer = new Optimizer(o.Optimizer, parameters);
        var input = new float[o.BatchSize * net.Input.Size];
        var labels = new int[o.BatchSize];
        var dlogits = new float[o.BatchSize * net.Classes];
        var clock = Stopwatch.StartNew();
        long step = 0;
        for (var epoch = 1; epoch <= o.Epochs; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            dataRng.Shuffle(indices);
            double lossSum = 0;
            long correct = 0;
            for (var b = 0; b < batches; b++, step++)
            {
                for (var i = 0; i < o.BatchSize; i++)
                {
                    var index = indices[b * o.BatchSize + i];
                    var dx = o.ShiftPixels > 0 ? dataRng.NextInt(2 * o.ShiftPixels + 1) - o.ShiftPixels : 0;
                    var dy = o.ShiftPixels > 0 ? dataRng.NextInt(2 * o.ShiftPixels + 1) - o.ShiftPixels : 0;
                    var flip = o.Flip && dataRng.NextInt(2) == 1;
                    Augment(train.Image(index), train.Height, train.Width, dx, dy, flip,
                        input.AsSpan(i * net.Input.Size, net.Input.Size));
                    labels[i] = train.Label(index);
                }

                var lr = LearningRate(step, totalSteps, warmupSteps);
                net.Root.PrepareWeights();
                var logits = net.Root.Forward(new Act(input, o.BatchSize, net.Input.C, net.Input.H, net.Input.W), train: true);
                var (loss, hits) = SoftmaxCrossEntropy(logits, labels, dlogits);
                lossSum += loss;
                correct += hits;
                net.Root.Backward(new Act(dlogits, o.BatchSize, net.Classes, 1, 1));
                optimizer.Step(lr);
            }

            var seconds = epochClock.Elapsed.TotalSeconds;
            double? testAccuracy = null;
            if (test is not null && evalEvery > 0 && (epoch % evalEvery == 0 || epoch == o.Epochs))
            {
                net.Root.PrepareWeights();
                testAccuracy = Accuracy(net, test);
            }

            var log = new EpochLog(epoch, lossSum / batches, (double)correct / (batches * o.BatchSize), seconds, testAccuracy);
            Epochs.Add(log);
            var testText = testAccuracy is { } t ? FormattableString.Invariant($", test acc {t:P2} (running BN stats)") : "";
            _log(FormattableString.Invariant(
                $"epoch {epoch}/{o.Epochs}: loss {log.Loss:F4}, train acc {log.TrainAccuracy:P2} (augmented, train-mode BN), {seconds:F1} s{testText}"));
        }

        if (o.Calibrate > 0)
        {
            CalibrateBatchNorm(net, train, Subset(train.Count, Math.Min(o.Calibrate, count)));
        }

        net.Root.PrepareWeights();
        TrainSeconds = clock.Elapsed.TotalSeconds;
        return net;
    }

    /// <summary>
    /// <paramref name="limit"/> images spread evenly over the set (every Count/limit-th), all when limit is 0:
    /// a fair sample also of sets stored class by class.
    /// </summary>
    public static int[] Subset(int total, int limit)
    {
        var n = limit > 0 ? Math.Min(limit, total) : total;
        return Enumerable.Range(0, n).Select(i => (int)((long)i * total / n)).ToArray();
    }

    /// <summary>Linear warm-up, then cosine decay from the base rate to the final fraction of it.</summary>
    private float LearningRate(long step, long total, long warmup)
    {
        var o = _options;
        if (step < warmup)
        {
            return o.LearningRate * (step + 1) / warmup;
        }

        var t = (double)(step - warmup) / Math.Max(1, total - warmup);
        var f = o.FinalLearningRateFraction + (1 - o.FinalLearningRateFraction) * 0.5 * (1 + Math.Cos(Math.PI * t));
        return (float)(o.LearningRate * f);
    }

    /// <summary>Copies an image as raw 0..255 floats, shifted by (dx, dy) with zero fill and optionally mirrored.</summary>
    public static void Augment(ReadOnlySpan<byte> image, int h, int w, int dx, int dy, bool flip, Span<float> output)
    {
        for (var y = 0; y < h; y++)
        {
            var sy = y - dy;
            for (var x = 0; x < w; x++)
            {
                var sx = x - dx;
                if (flip)
                {
                    sx = w - 1 - sx;
                }

                output[y * w + x] = sy >= 0 && sy < h && sx >= 0 && sx < w ? image[sy * w + sx] : 0f;
            }
        }
    }

    /// <summary>Mean cross-entropy of softmax(logits); writes dLoss/dlogits; returns the loss and the top-1 hits.</summary>
    public static (double Loss, int Hits) SoftmaxCrossEntropy(Act logits, int[] labels, float[] dlogits)
    {
        var n = logits.N;
        var k = logits.Size;
        double loss = 0;
        var hits = 0;
        for (var i = 0; i < n; i++)
        {
            var z = logits.Data.AsSpan(i * k, k);
            var max = z[0];
            var arg = 0;
            for (var j = 1; j < k; j++)
            {
                if (z[j] > max)
                {
                    max = z[j];
                    arg = j;
                }
            }

            if (arg == labels[i])
            {
                hits++;
            }

            double sum = 0;
            for (var j = 0; j < k; j++)
            {
                sum += Math.Exp(z[j] - max);
            }

            loss += Math.Log(sum) - (z[labels[i]] - max);
            for (var j = 0; j < k; j++)
            {
                var p = Math.Exp(z[j] - max) / sum;
                dlogits[i * k + j] = (float)((p - (j == labels[i] ? 1 : 0)) / n);
            }
        }

        return (loss / n, hits);
    }

    /// <summary>Inference-mode logits of every image of <paramref name="data"/> (weights must be prepared).</summary>
    public static float[] Logits(Network net, Dataset data, int limit = 0, int chunk = 500) =>
        Logits(net, data, Enumerable.Range(0, limit > 0 ? Math.Min(limit, data.Count) : data.Count).ToArray(), chunk);

    /// <summary>Inference-mode logits of the images at <paramref name="indices"/>, in that order.</summary>
    public static float[] Logits(Network net, Dataset data, int[] indices, int chunk = 500)
    {
        var count = indices.Length;
        var result = new float[count * net.Classes];
        var size = net.Input.Size;
        var input = new float[chunk * size];
        for (var start = 0; start < count; start += chunk)
        {
            var n = Math.Min(chunk, count - start);
            for (var i = 0; i < n; i++)
            {
                Augment(data.Image(indices[start + i]), data.Height, data.Width, 0, 0, false, input.AsSpan(i * size, size));
            }

            var logits = net.Root.Forward(new Act(input, n, net.Input.C, net.Input.H, net.Input.W), train: false);
            logits.Data.AsSpan(0, n * net.Classes).CopyTo(result.AsSpan(start * net.Classes));
        }

        return result;
    }

    public static int[] Predict(Network net, Dataset data, int limit = 0)
    {
        var logits = Logits(net, data, limit);
        var n = logits.Length / net.Classes;
        var predictions = new int[n];
        for (var i = 0; i < n; i++)
        {
            predictions[i] = Core.Top1.Of(logits.AsSpan(i * net.Classes, net.Classes));
        }

        return predictions;
    }

    public static double Accuracy(Network net, Dataset data, int limit = 0)
    {
        var predictions = Predict(net, data, limit);
        var hits = 0;
        for (var i = 0; i < predictions.Length; i++)
        {
            if (predictions[i] == data.Label(i))
            {
                hits++;
            }
        }

        return (double)hits / predictions.Length;
    }

    /// <summary>
    /// Replaces every BatchNorm's running averages by the exact mean and (unbiased) variance of its input over
    /// the <paramref name="subset"/> of the training images (no augmentation), layer by layer in forward order so
    /// that each layer sees the already recomputed statistics of the layers before it.
    /// </summary>
    public void CalibrateBatchNorm(Network net, Dataset train, int[] subset)
    {
        var clock = Stopwatch.StartNew();
        net.Root.PrepareWeights();
        foreach (var bn in net.BatchNorms())
        {
            var cal = new Calibration(bn.C);
            bn.Calibrating = cal;
            Logits(net, train, subset);
            bn.Calibrating = null;
            cal.ApplyTo(bn);
        }

        _log(string.Create(CultureInfo.InvariantCulture, $"BatchNorm statistics recomputed over {subset.Length:N0} training images in {clock.Elapsed.TotalSeconds:F1} s"));
    }
}
