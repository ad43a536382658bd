using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Randomness;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Hardware;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator.Analog;
using BnnCompiler.Simulator.Functional;
using BnnCompiler.Testing;

namespace BnnCompiler.Simulator.Tests.Analog;

/// <summary>
/// Every kernel path the machine supports runs the analog layer with the same seeds to the same results as the scalar
/// reference: bit-identical partial sums and identical action counts on the default model with every non-ideality on,
/// in every weight layout; and the noise draws (the quantile and the stream) agree lane by lane.
/// </summary>
public sealed class AnalogKernelPathTests
{
    /// <summary>Every effect on (the benchmark's magnitudes, with larger ADC errors so codes move).</summary>
    private static readonly string[] AllEffects =
    [
        "non_idealities.device_variation.sigma=0.1", "non_idealities.read_noise_sigma=0.02",
        "non_idealities.finite_on_off_ratio=true", "non_idealities.stuck_at_on_rate=0.01", "non_idealities.stuck_at_off_rate=0.01",
        "non_idealities.drift.read_time_s=3600", "non_idealities.drift.nu=0.005", "non_idealities.drift.nu_sigma=0.002",
        "non_idealities.ir_drop.wire_resistance_ohm=1", "non_idealities.adc.offset_sigma_lsb=0.3",
        "non_idealities.adc.gain_error_sigma=0.02", "non_idealities.adc.noise_sigma_lsb=0.4",
    ];

    [Theory]
    [InlineData("readout.adc_bits=5", "readout.input_bits=8")]
    [InlineData("readout.adc_bits=8", "readout.input_bits=4")]
    [InlineData("weights.pair_layout=columns", "readout.adc_bits=3")]
    [InlineData("weights.mapping=one_cell_reference", "readout.adc_bits=6")]
    [InlineData("subarray.rows=256", "readout.input_bits=2")]
    [InlineData("non_idealities.read_noise_sigma=0", "non_idealities.adc.noise_sigma_lsb=0")]
    [InlineData("non_idealities.adc.offset_sigma_lsb=0", "non_idealities.adc.gain_error_sigma=0")]
    public void Should_Give_Bit_Identical_Outputs_And_Counts_On_Every_Supported_Path(string setting, string other)
    {
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), [.. AllEffects, setting, other]);
        var path = RepoPaths.Repo("onnx-models/fmnist-cnn.onnx");
        var model = OnnxFrontend.Load(path);
        var data = DatasetCatalog.Load("fashion-mnist").Take(6);
        var feeder = new SampleFeeder(model.Graph, data, path);
        var graph = model.Graph;
        var encodings = EncodingAnalysis.Compute(graph);
        var images = ImageInputs.Of(graph);
        var pairs = new List<(AnalogCrossbarLayer Reference, AnalogCrossbarLayer Other)>();
        var interpreter = new IrInterpreter(graph, node =>
        {
            if (encodings.GetValueOrDefault(node.Inputs[0]) is not { } e || e.Scale != MathF.Round(e.Scale) || e.Offset != MathF.Round(e.Offset))
            {
                return null;
            }

            var isImage = images.Contains(node.Inputs[0]);
            var reference = new AnalogCrossbarLayer(node, e, isImage, spec, trial: 2, KernelPath.Scalar);
            Assert.Equal(KernelPath.Scalar, reference.Path);
            var others = KernelPaths.Supported.Select(p => new AnalogCrossbarLayer(node, e, isImage, spec, trial: 2, p)).ToArray();
            pairs.AddRange(others.Select(o => (reference, o)));
            return new Twins(node.Name, reference, others);
        });
        for (var i = 0; i < feeder.Count; i++)
        {
            interpreter.Run(feeder.Sample(i));
        }

        Assert.Equal(6 * KernelPaths.Supported.Count, pairs.Count);
        Assert.Contains(pairs, p => p.Other.Path == (AnalogVectorKernelAvailable ? KernelPath.Avx512 : KernelPath.Scalar));
        Assert.Equal(System.Runtime.Intrinsics.X86.Avx2.IsSupported, pairs.Any(p => p.Other.Path == KernelPath.Avx2));
        foreach (var (reference, candidate) in pairs)
        {
            Assert.Equal(Counts(reference.Counters), Counts(candidate.Counters));
            Assert.True(reference.Counters.Conversions > 0);
        }
    }

    [Fact]
    public void Should_Compute_The_Quantile_Of_Eight_And_Sixteen_Probabilities_Like_One_At_A_Time()
    {
        var random = new SplitMix64(11);
        float[] edges = [1e-7f, 0.02425f, 0.5f, 0.975f, 0.97575f, 1 - 6e-8f, 0.3f, 2.7e-3f, 0.0242f, 0.9758f, 0.1f, 0.9f, 1e-3f, 0.999f, 0.4999f, 0.5001f];
        var probabilities = Enumerable.Range(0, 4096).Select(i => i < edges.Length ? edges[i] : (float)((random.NextDouble() * 0.999_998) + 1e-6)).ToArray();
        foreach (var p in probabilities)
        {
            // Against Acklam's function in double precision with the runtime's logarithm: single precision's rounding only.
            var expected = GaussianDraw.InverseNormal(p);
            Assert.True(Math.Abs(expected - NormalQuantile.Of(p)) <= 2e-6 * Math.Max(1, Math.Abs(expected)), $"p = {p:R}: {NormalQuantile.Of(p):R}, expected {expected:R}");
        }

        for (var i = 0; System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated && i < probabilities.Length; i += 8)
        {
            var lanes = NormalQuantile.Of(System.Runtime.Intrinsics.Vector256.Create(probabilities.AsSpan(i, 8)));
            for (var lane = 0; lane < 8; lane++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(NormalQuantile.Of(probabilities[i + lane])), BitConverter.SingleToInt32Bits(lanes[lane]));
            }
        }

        if (!Vector512Available)
        {
            return;
        }

        for (var i = 0; i < probabilities.Length; i += 16)
        {
            var lanes = NormalQuantile.Of(System.Runtime.Intrinsics.Vector512.Create(probabilities.AsSpan(i, 16)));
            for (var lane = 0; lane < 16; lane++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(NormalQuantile.Of(probabilities[i + lane])), BitConverter.SingleToInt32Bits(lanes[lane]));
            }
        }
    }

    [Theory]
    [InlineData(0.5f, 0.0)]
    [InlineData(0.975f, 1.9599643924763865)]
    [InlineData(0.001f, -3.0902322920614345)]
    [InlineData(1e-7f, -5.199337580020491)]
    [InlineData(0.999f, 3.090236129849105)]
    public void Should_Invert_The_Normal_Distribution(float p, double quantile)
    {
        // Quantiles of the float nearest p (Python statistics.NormalDist().inv_cdf); single precision keeps five decimals.
        Assert.Equal(quantile, NormalQuantile.Of(p), 5);
    }

    [Fact]
    public void Should_Draw_The_Same_Noise_Eight_And_Sixteen_At_A_Time_As_One_At_A_Time()
    {
        var one = new ReadNoiseStream(0x1234_5678_9ABC_DEF0UL);
        var sixteen = new ReadNoiseStream(0x1234_5678_9ABC_DEF0UL);
        var uniform = new SplitMix64(0x1234_5678_9ABC_DEF0UL);
        var draws = new List<double>();
        for (var block = 0; block < 2000; block++)
        {
            var lanes = Vector512Available ? sixteen.Peek16() : default;
            var eight = System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? sixteen.Peek8() : default;
            var used = 1 + (block % 16);
            for (var lane = 0; lane < used; lane++)
            {
                var z = one.Next();
                draws.Add(z);
                Assert.Equal(NormalQuantile.Of(((int)(uniform.NextUInt64() >> 41) + 0.5f) * (1f / (1 << 23))), z);
                if (Vector512Available)
                {
                    Assert.Equal(BitConverter.SingleToInt32Bits(z), BitConverter.SingleToInt32Bits(lanes[lane]));
                }

                if (lane < 8 && System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
                {
                    Assert.Equal(BitConverter.SingleToInt32Bits(z), BitConverter.SingleToInt32Bits(eight[lane]));
                }
            }

            sixteen.Advance(used);
        }

        var mean = draws.Average();
        var variance = draws.Sum(v => (v - mean) * (v - mean)) / (draws.Count - 1);
        Assert.InRange(mean, -4 / Math.Sqrt(draws.Count), 4 / Math.Sqrt(draws.Count));
        Assert.InRange(variance, 1 - (4 * Math.Sqrt(2.0 / draws.Count)), 1 + (4 * Math.Sqrt(2.0 / draws.Count)));
        Assert.InRange(draws.Count(v => Math.Abs(v) > 1.959963984540054) / (double)draws.Count, 0.05 - 0.006, 0.05 + 0.006);
    }

    private static bool Vector512Available => System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Avx512DQ.IsSupported;

    private static bool AnalogVectorKernelAvailable => KernelPaths.IsSupported(KernelPath.Avx512) && System.Runtime.Intrinsics.X86.Avx512DQ.IsSupported;

    private static (long, long, long, long, long, long, long) Counts(LayerCounters c) =>
        (c.SubarrayReads, c.Conversions, c.RowsDriven, c.MatchedCells, c.ShiftAdds, c.PartialSumAdds, c.Outputs);

    private sealed class Twins(string name, AnalogCrossbarLayer reference, AnalogCrossbarLayer[] others) : IBinaryLayerExecutor
    {
        public void Execute(ReadOnlySpan<float> input, float[] output)
        {
            reference.Execute(input, output);
            foreach (var other in others)
            {
                var result = new float[output.Length];
                other.Execute(input, result);
                for (var i = 0; i < output.Length; i++)
                {
                    if (BitConverter.SingleToInt32Bits(output[i]) != BitConverter.SingleToInt32Bits(result[i]))
                    {
                        Assert.Fail($"{name}: output {i} is {result[i]:R} on the {other.Path} path, {output[i]:R} on the scalar reference");
                    }
                }
            }
        }
    }
}
