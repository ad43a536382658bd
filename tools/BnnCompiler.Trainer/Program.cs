using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using BnnCompiler.Data;
using BnnCompiler.Trainer.Export;
using BnnCompiler.Trainer.Model;
using BnnCompiler.Trainer.Numerics;
using BnnCompiler.Trainer.Training;

namespace BnnCompiler.Trainer;

/// <summary>
/// bnn-train: trains the binarized model zoo and exports it to ONNX (plain and QONNX dialects).
/// <code>
/// bnn-train train --arch cnn --train fashion-mnist-train --test fashion-mnist --epochs 12 --shift 2 --flip --out onnx-models/fmnist-cnn
/// bnn-train eval --model onnx-models/fmnist-cnn.qonnx.onnx --data fashion-mnist
/// bnn-train bench
/// </code>
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage:
          bnn-train train --arch mlp|cnn|rescnn --train NAME --test NAME --out PATH_STEM
                          [--widths a,b,c] [--epochs N] [--batch N] [--optimizer adam|sgd] [--lr X]
                          [--final-lr-fraction X] [--warmup-epochs X] [--seed N] [--shift PX] [--flip]
                          [--limit N] [--calibrate N] [--eval-every N] [--init FILE.qonnx.onnx]
              writes PATH_STEM.onnx (plain) and PATH_STEM.qonnx.onnx, and checks both in ONNX Runtime
          bnn-train eval --model FILE --data NAME       top-1 in ONNX Runtime (QONNX lowered first)
          bnn-train bench                               GEMM backends and one training step per model
        environment: BNNC_GEMM=openblas|managed chooses the GEMM (default: OpenBLAS when installed)
        """;

    public static int Main(string[] args)
    {
        try
        {
            if (args.Length == 0)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            var options = ParseOptions(args.AsSpan(1));
            return args[0] switch
            {
                "train" => TrainCommand(options),
                "eval" => EvalCommand(options),
                "bench" => Bench.Run(options),
                _ => Fail($"unknown command '{args[0]}'\n{Usage}"),
            };
        }
        catch (ArgumentException e)
        {
            return Fail(e.Message);
        }
        catch (Core.Diagnostics.DiagnosticException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("bnn-train: " + message);
        return 2;
    }

    internal static Dictionary<string, string?> ParseOptions(ReadOnlySpan<string> args)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{a}'");
            }

            var key = a[2..];
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                result[key] = args[++i];
            }
            else
            {
                result[key] = null;
            }
        }

        return result;
    }

    private static string Need(Dictionary<string, string?> o, string key) =>
        o.TryGetValue(key, out var v) && v is not null ? v : throw new ArgumentException($"--{key} is required");

    private static T Get<T>(Dictionary<string, string?> o, string key, T fallback)
        where T : IParsable<T> =>
        o.TryGetValue(key, out var v) && v is not null ? T.Parse(v, CultureInfo.InvariantCulture) : fallback;

    internal static TrainOptions ToTrainOptions(Dictionary<string, string?> o) => new()
    {
        Arch = Need(o, "arch"),
        Widths = o.TryGetValue("widths", out var w) && w is not null
            ? w.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            : null,
        Epochs = Get(o, "epochs", 10),
        BatchSize = Get(o, "batch", 100),
        Optimizer = o.TryGetValue("optimizer", out var opt) && opt is not null ? opt : "adam",
        LearningRate = Get(o, "lr", 2e-3f),
        FinalLearningRateFraction = Get(o, "final-lr-fraction", 0f),
        WarmupEpochs = Get(o, "warmup-epochs", 0f),
        Seed = Get(o, "seed", 1UL),
        ShiftPixels = Get(o, "shift", 0),
        Flip = o.ContainsKey("flip"),
        Limit = Get(o, "limit", 0),
        Calibrate = Get(o, "calibrate", 0),
        InitialModelPath = o.TryGetValue("init", out var init) ? init : null,
    };

    private static int TrainCommand(Dictionary<string, string?> o)
    {
        var options = ToTrainOptions(o);
        var trainName = Need(o, "train");
        var testName = Need(o, "test");
        var stem = Need(o, "out");
        var evalEvery = Get(o, "eval-every", 0);
        var train = DatasetCatalog.Load(trainName);
        var test = DatasetCatalog.Load(testName);
        Console.WriteLine($"GEMM: {Gemm.Default.Name}; {Parts.Count} fixed batch parts; {Environment.ProcessorCount} cores");
        Console.WriteLine($"train: {train.Description}");
        Console.WriteLine($"test:  {test.Description}");
        Console.WriteLine($"recipe: {options.Describe()}");

        var trainer = new BnnTrainer(options, Console.WriteLine);
        var net = trainer.Train(train, test, evalEvery);
        Console.WriteLine("layers:");
        foreach (var line in net.Describe())
        {
            Console.WriteLine("  " + line);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parameters: {net.ParameterCount:N0}; training time {trainer.TrainSeconds:F0} s"));
        var trainerPredictions = BnnTrainer.Predict(net, test);
        var (trainerHits, n) = OrtCheck.Score(trainerPredictions, test);

        var metadata = new Dictionary<string, string>
        {
            ["bnnc.arch"] = options.Arch,
            ["bnnc.train_data"] = trainName,
            ["bnnc.recipe"] = options.Describe(),
        };
        var plain = net.ToOnnx(Dialect.Plain, metadata);
        var qonnx = net.ToOnnx(Dialect.Qonnx, metadata);
        var plainPath = stem + ".onnx";
        var qonnxPath = stem + ".qonnx.onnx";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(plainPath))!);
        File.WriteAllBytes(plainPath, plain);
        File.WriteAllBytes(qonnxPath, qonnx);

        var clock = Stopwatch.StartNew();
        var trainerLogits = BnnTrainer.Logits(net, test);
        var plainLogits = OrtCheck.Logits(plain, test);
        var qonnxLogits = OrtCheck.Logits(qonnx, test);
        var plainPredictions = plainLogits.Select(l => Core.Top1.Of(l)).ToArray();
        var qonnxPredictions = qonnxLogits.Select(l => Core.Top1.Of(l)).ToArray();
        var maxDiff = 0f;
        var exactSamples = 0;
        for (var i = 0; i < plainLogits.Length; i++)
        {
            var exact = true;
            for (var j = 0; j < net.Classes; j++)
            {
                var d = MathF.Abs(plainLogits[i][j] - trainerLogits[i * net.Classes + j]);
                maxDiff = MathF.Max(maxDiff, d);
                exact &= d == 0f;
            }

            exactSamples += exact ? 1 : 0;
        }
        var (plainHits, _) = OrtCheck.Score(plainPredictions, test);
        var (qonnxHits, _) = OrtCheck.Score(qonnxPredictions, test);
        var agreeTrainer = trainerPredictions.Zip(plainPredictions).Count(p => p.First == p.Second);
        var agreeDialects = plainPredictions.Zip(qonnxPredictions).Count(p => p.First == p.Second);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trainer inference top-1 on {testName}: {trainerHits}/{n} = {100.0 * trainerHits / n:F2} %"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ONNX Runtime top-1, {Path.GetFileName(plainPath)}: {plainHits}/{n} = {100.0 * plainHits / n:F2} %"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ONNX Runtime top-1, {Path.GetFileName(qonnxPath)} (lowered): {qonnxHits}/{n} = {100.0 * qonnxHits / n:F2} %"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"logits trainer vs ONNX Runtime (plain): bit-identical for {exactSamples}/{n} images, max |difference| {maxDiff:G3}"));
        Console.WriteLine($"predictions equal: trainer vs plain {agreeTrainer}/{n}, plain vs QONNX {agreeDialects}/{n}  (ORT check {clock.Elapsed.TotalSeconds:F0} s)");
        Console.WriteLine($"sha256 {Path.GetFileName(plainPath)} {Sha256(plain)} ({plain.Length:N0} bytes)");
        Console.WriteLine($"sha256 {Path.GetFileName(qonnxPath)} {Sha256(qonnx)} ({qonnx.Length:N0} bytes)");
        return agreeDialects == n ? 0 : 1;
    }

    private static int EvalCommand(Dictionary<string, string?> o)
    {
        var model = File.ReadAllBytes(Need(o, "model"));
        var data = DatasetCatalog.Load(Need(o, "data"));
        var predictions = OrtCheck.Predict(model, data, Get(o, "limit", 0));
        var (hits, n) = OrtCheck.Score(predictions, data);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{hits}/{n} = {100.0 * hits / n:F2} %"));
        return 0;
    }

    internal static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
