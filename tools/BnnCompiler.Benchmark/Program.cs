using System.Diagnostics;
using System.Globalization;
using BnnCompiler.Core;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Evaluation.Pipeline;
using BnnCompiler.Hardware;
using BnnCompiler.Onnx;
using BnnCompiler.Onnx.Reference;
using BnnCompiler.Simulator;
using BnnCompiler.Simulator.Functional;

namespace BnnCompiler.Benchmark;

/// <summary>
/// Throughput benchmark, one run on one model and test set, both cores: ONNX Runtime on the original model,
/// the IR interpreter, the crossbar simulator (mapped and compiled by the evaluation pipeline) at the ideal configuration, at 4-bit input / 8-bit ADC and with
/// non-idealities on (the analog path); prints images/s, the kernel path that ran (avx512, avx2 or scalar), the
/// ratios to ONNX Runtime, the non-ideal path's Monte-Carlo trials/s and the peak working set.
/// The non-ideal run uses the spec's own non_idealities section when it has one, else <see cref="NonIdealities"/>.
/// Then the CIFAR-sized network, VGG-8 on 32×32×3 over N seeded random images (<see cref="CifarBenchmark"/>).
/// usage: bnnc-bench [MODEL] [--data NAME|PATH] [--layout nchw|nhwc] [--input-scale S] [--hw SPEC] [--limit N] [--vgg-images N (256; 0 skips)]
/// (data options as in <c>bnnc evaluate</c>; labels are not needed: throughput only). Bad input: a diagnostic, exit code 2.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            return Run(args);
        }
        catch (DiagnosticException e)
        {
            foreach (var d in e.Diagnostics)
            {
                Console.Error.WriteLine(d.ToString());
            }

            return 2;
        }
    }

    private static int Run(string[] args)
    {
        // The model is the first argument that is neither an option nor an option's value.
        var model = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal)))
            .FirstOrDefault() ?? Find("onnx-models/fmnist-cnn.onnx");
        var dataName = Option(args, "--data") ?? "fashion-mnist";
        var specPath = Option(args, "--hw") ?? Find("hwspecs/default.yaml");
        var limitText = Option(args, "--limit") ?? "10000";
        var limit = int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0
            ? l
            : throw Bad($"--limit must be a positive integer; got '{limitText}'");
        var vggText = Option(args, "--vgg-images") ?? "256";
        var vggImages = int.TryParse(vggText, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v <= 100_000
            ? v
            : throw Bad($"--vgg-images must be an integer from 0 (skip the CIFAR-sized network) to 100000; got '{vggText}'");
        var scaleText = Option(args, "--input-scale");
        float? scale = scaleText is null ? null
            : float.TryParse(scaleText, NumberStyles.Float, CultureInfo.InvariantCulture, out var sc) && sc >= 1e-6f && sc <= 65_535f
                ? sc
                : throw Bad($"--input-scale must be a number from 1e-6 to 65535 (the model receives pixel / S); got '{scaleText}'");
        var layout = Option(args, "--layout")?.ToLowerInvariant() switch
        {
            null => DataLayout.Auto,
            "nchw" => DataLayout.Nchw,
            "nhwc" => DataLayout.Nhwc,
            var other => throw Bad($"--layout must be nchw or nhwc; got '{other}'"),
        };

        var imported = OnnxFrontend.Load(model, inputScale: scale);
        var data = DatasetCatalog.Load(dataName, new DataLoadOptions(layout, SampleFeeder.ModelInput(imported.Graph)));
        data = data.Take(Math.Min(limit, data.Count));
        var feeder = new SampleFeeder(imported.Graph, data, model);
        var samples = Enumerable.Range(0, feeder.Count).Select(feeder.Sample).ToArray();
        var spec = HardwareSpecLoader.Load(specPath, []);
        var ideal = HardwareSpecLoader.ApplyOverrides(spec, ["readout.adc_bits=8", "readout.input_bits=8"]);
        var study = HardwareSpecLoader.ApplyOverrides(spec, ["readout.adc_bits=8", "readout.input_bits=4"]);
        var workers = Environment.ProcessorCount;

        Console.WriteLine($"model   {model}");
        Console.WriteLine($"data    {data.Description}");
        Console.WriteLine($"input   {feeder.Scaling}");
        Console.WriteLine($"machine {workers} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        Console.WriteLine($"kernels supported: {string.Join(", ", KernelPaths.Supported.Select(KernelPaths.Name))}");
        Console.WriteLine();

        var bytes = CustomOpLowering.LowerToBytes(imported);
        var runners = Enumerable.Range(0, workers).Select(_ => new OrtRunner(bytes)).ToArray();
        var ort = Measure("ONNX Runtime (original model)", samples, workers, (w, s) => Top1.Of(runners[w].Run(s)));
        var interpreter = new IrInterpreter(imported.Graph);
        var ir = Measure("IR interpreter", samples, workers, (_, s) => Top1.Of(interpreter.Run(s)));
        // The simulators are the evaluation pipeline's: the model mapped and compiled as bnnc evaluate does it.
        var pipeline = new EvaluationPipeline(imported, feeder);
        var idealSim = Build(pipeline, ideal);
        var simIdeal = Measure($"simulator, ideal (ADC 8, input 8), {PathsOf(idealSim)}", samples, workers, (_, s) => Top1.Of(idealSim.Run(s)));
        var studySim = Build(pipeline, study);
        var simStudy = Measure($"simulator, 4-bit input / 8-bit ADC, {PathsOf(studySim)}", samples, workers, (_, s) => Top1.Of(studySim.Run(s)));
        var nonIdeal = spec.NonIdealities.IsIdeal ? HardwareSpecLoader.ApplyOverrides(spec, NonIdealities) : spec;
        var nonIdealMapping = pipeline.Map(nonIdeal);
        var nonIdealProgram = EvaluationPipeline.Compile(nonIdealMapping);
        // A trial's cost is building its chip (device draws, IR drop, tables) and running the images; the first build
        // also compiles the code and the noise-bound tables once per process, so the second one is timed.
        pipeline.Simulator(nonIdealMapping, nonIdealProgram);
        var build = Stopwatch.StartNew();
        var analogSim = pipeline.Simulator(nonIdealMapping, nonIdealProgram);
        var buildSeconds = build.Elapsed.TotalSeconds;
        var simAnalog = Measure($"simulator, non-idealities on, {PathsOf(analogSim)}", samples, workers, (_, s) => Top1.Of(analogSim.Run(s)));
        foreach (var r in runners)
        {
            r.Dispose();
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"interpreter / ONNX Runtime       {ir / ort:F2}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulator ideal / ONNX Runtime   {simIdeal / ort:F2}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulator 4b/8b / ONNX Runtime   {simStudy / ort:F2}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulator non-ideal: {simAnalog:F0} images/s, ONNX Runtime: {ort:F0} images/s ({simAnalog / ort:F2}x)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"non-ideal trials/s               {1 / (buildSeconds + (samples.Length / simAnalog)):F4} (a trial draws its devices in {buildSeconds:F2} s, then runs {samples.Length} images)"));
        if (vggImages > 0)
        {
            CifarBenchmark.Run(ideal, study, vggImages, workers);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set                 {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB"));
        return 0;
    }

    /// <summary>
    /// Every effect on, at magnitudes of the order reported for RRAM (see docs/non-idealities.md for each model's
    /// source): log-normal σ 0.1, read noise 2 %, finite on/off ratio, 0.1 % of cells stuck each way, one hour of
    /// drift with ν = 0.005 ± 0.002, 1 Ω per wire segment, ADC offset 0.2 LSB, gain 1 %, noise 0.1 LSB.
    /// </summary>
    private static readonly string[] NonIdealities =
    [
        "non_idealities.device_variation.sigma=0.1", "non_idealities.read_noise_sigma=0.02",
        "non_idealities.finite_on_off_ratio=true", "non_idealities.stuck_at_on_rate=0.001", "non_idealities.stuck_at_off_rate=0.001",
        "non_idealities.drift.read_time_s=3600", "non_idealities.drift.nu=0.005", "non_idealities.drift.nu_sigma=0.002",
        "non_idealities.ir_drop.wire_resistance_ohm=1", "non_idealities.adc.offset_sigma_lsb=0.2",
        "non_idealities.adc.gain_error_sigma=0.01", "non_idealities.adc.noise_sigma_lsb=0.1",
    ];

    private static FunctionalSimulator Build(EvaluationPipeline pipeline, HardwareSpec spec)
    {
        var mapping = pipeline.Map(spec);
        return pipeline.Simulator(mapping, EvaluationPipeline.Compile(mapping));
    }

    internal static double Measure(string label, float[][] samples, int workers, Func<int, float[], int> run)
    {
        // A warm-up pass over 200 samples (enough calls for the runtime to finish compiling the hot methods at full
        // optimisation, so no path is timed partly on first-tier code), then the timed pass over all of them.
        for (var i = 0; i < Math.Min(200, samples.Length); i++)
        {
            run(0, samples[i]);
        }

        var clock = Stopwatch.StartNew();
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            for (var i = w; i < samples.Length; i += workers)
            {
                run(w, samples[i]);
            }
        });
        var seconds = clock.Elapsed.TotalSeconds;
        var rate = samples.Length / seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-60} {rate,10:F0} images/s  ({samples.Length} in {seconds:F2} s)"));
        return rate;
    }

    /// <summary>The kernel path the crossbar layers run, e.g. "kernels avx512", or "kernels analog avx512" on the analog path.</summary>
    internal static string PathsOf(FunctionalSimulator simulator) =>
        "kernels " + string.Join("/", simulator.Layers.Values.Select(l => l.Executor switch
        {
            CrossbarLayer c => KernelPaths.Name(c.Path),
            Simulator.Analog.AnalogCrossbarLayer a => "analog " + KernelPaths.Name(a.Path),
            _ => "other",
        }).Distinct());

    private static DiagnosticException Bad(string message) =>
        new(Diagnostic.Error("BNN1001", message, new SourceLocation("bnnc-bench")));

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} not found above {Directory.GetCurrentDirectory()}");
    }
}
