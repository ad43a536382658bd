using System.Diagnostics;
using System.Globalization;
using BnnCompiler.Trainer.Model;
using BnnCompiler.Trainer.Numerics;
using BnnCompiler.Trainer.Training;

namespace BnnCompiler.Trainer;

/// <summary>The figures behind the choice of GEMM and the training budget (written into MODELS.md).</summary>
internal static class Bench
{
    public static int Run(Dictionary<string, string?> options)
    {
        // The GEMM shapes of the zoo's heaviest layers (row-major M×K · K×N).
        (string What, int M, int N, int K)[] shapes =
        [
            ("conv 64→64 at 14×14, forward", 64, 196, 576),
            ("conv 32→32 at 28×28, forward", 32, 784, 288),
            ("fc 784→512, batch 50, forward", 50, 512, 784),
        ];
        var backends = new List<Gemm>();
        if (OpenBlasGemm.TryLoad() is { } blas)
        {
            backends.Add(blas);
        }

        backends.Add(new ManagedGemm());
        backends.Add(new MathNetGemm());
        Console.WriteLine("single-thread SGEMM, GFLOP/s:");
        foreach (var (what, m, n, k) in shapes)
        {
            var rng = new Rng(7);
            var a = new float[m * k];
            var b = new float[k * n];
            var c = new float[m * n];
            for (var i = 0; i < a.Length; i++)
            {
                a[i] = rng.NextInt(2) == 0 ? -1f : 1f;
            }

            for (var i = 0; i < b.Length; i++)
            {
                b[i] = rng.Uniform(-1, 1);
            }

            var flop = 2.0 * m * n * k;
            var line = $"  {what} ({m}×{k}·{k}×{n}):";
            foreach (var g in backends)
            {
                g.Run(false, false, m, n, k, 1f, a, k, b, n, 0f, c, n);
                var reps = 0;
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed.TotalSeconds < 0.5)
                {
                    g.Run(false, false, m, n, k, 1f, a, k, b, n, 0f, c, n);
                    reps++;
                }

                line += string.Create(CultureInfo.InvariantCulture, $"  {g.Name} {flop * reps / clock.Elapsed.TotalSeconds / 1e9:F1}");
            }

            Console.WriteLine(line);
        }

        Console.WriteLine($"training step, batch 100, GEMM {Gemm.Default.Name}:");
        foreach (var (arch, widths) in new (string, int[]?)[] { ("mlp", null), ("cnn", null), ("cnn", [64, 128, 512]), ("rescnn", null) })
        {
            foreach (var parallel in new[] { false, true })
            {
                Parts.Parallel = parallel;
                var net = Architectures.Build(arch, widths, new Rng(1));
                var (input, labels) = RandomBatch();
                var dlogits = new float[100 * 10];
                var optimizer = new Optimizer("adam", net.Params().ToList());
                var steps = 0;
                var clock = new Stopwatch();
                while (steps < 3 || clock.Elapsed.TotalSeconds < 2)
                {
                    if (steps == 1)
                    {
                        clock.Start();
                    }

                    net.Root.PrepareWeights();
                    var logits = net.Root.Forward(new Act(input, 100, 1, 28, 28), train: true);
                    BnnTrainer.SoftmaxCrossEntropy(logits, labels, dlogits);
                    net.Root.Backward(new Act(dlogits, 100, 10, 1, 1));
                    optimizer.Step(1e-3f);
                    steps++;
                }

                var perStep = clock.Elapsed.TotalSeconds / (steps - 1);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {arch} {Architectures.WidthsText(arch, widths)} {(parallel ? $"{Parts.Count} threads" : "1 thread ")}: {perStep * 1000:F1} ms/step → {perStep * 600:F0} s per 60,000-image epoch"));
            }
        }

        Parts.Parallel = true;
        Profile("cnn", null);
        Profile("rescnn", null);
        return 0;
    }

    /// <summary>A batch of 100 random 28 × 28 images (pixel values 0–255, seed 3) with labels 0–9 in turn.</summary>
    private static (float[] Input, int[] Labels) RandomBatch()
    {
        var input = new float[100 * 784];
        var rng = new Rng(3);
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = rng.NextInt(256);
        }

        return (input, Enumerable.Range(0, 100).Select(i => i % 10).ToArray());
    }

    /// <summary>Forward and backward time per top-level layer of one architecture, batch 100, over 5 steps.</summary>
    private static void Profile(string arch, int[]? widths)
    {
        var net = Architectures.Build(arch, widths, new Rng(1));
        var (input, labels) = RandomBatch();
        var dlogits = new float[100 * 10];
        var modules = net.Root.Modules;
        var forward = new double[modules.Count];
        var backward = new double[modules.Count];
        for (var step = 0; step < 6; step++)
        {
            net.Root.PrepareWeights();
            var x = new Act(input, 100, 1, 28, 28);
            for (var i = 0; i < modules.Count; i++)
            {
                var t = Stopwatch.GetTimestamp();
                x = modules[i].Forward(x, train: true);
                forward[i] += step > 0 ? Stopwatch.GetElapsedTime(t).TotalMilliseconds : 0;
            }

            BnnTrainer.SoftmaxCrossEntropy(x, labels, dlogits);
            Act? d = new Act(dlogits, 100, 10, 1, 1);
            for (var i = modules.Count - 1; i >= 0 && d is not null; i--)
            {
                var t = Stopwatch.GetTimestamp();
                d = modules[i].Backward(d);
                backward[i] += step > 0 ? Stopwatch.GetElapsedTime(t).TotalMilliseconds : 0;
            }
        }

        Console.WriteLine($"profile {arch}, ms per step of batch 100 (forward / backward):");
        for (var i = 0; i < modules.Count; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {modules[i].Name,-10} {forward[i] / 5,8:F1} / {backward[i] / 5,8:F1}"));
        }
    }
}
