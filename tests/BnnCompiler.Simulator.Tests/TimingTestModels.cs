using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Core.Ir;
using BnnCompiler.Hardware;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Isa;
using BnnCompiler.Mapping;
using BnnCompiler.Testing;

namespace BnnCompiler.Simulator.Tests;

/// <summary>Small graphs and the tiny spec for the timing tests.</summary>
internal static class TimingTestModels
{
    public static HardwareSpec Tiny(params string[] overrides) =>
        HardwareSpecLoader.Load(RepoPaths.Require(RepoPaths.Repo(Path.Combine("hwspecs", "tiny.yaml"))), overrides);

    public static MappedProgram Compile(IrGraph graph, HardwareSpec spec) => ProgramCompiler.Compile(CrossbarMapper.Map(graph, spec));

    /// <summary>
    /// image [1, 1, 4, 4] (8-bit) → conv0 2×2 stride 2 (1→16 channels; K = 4, N = 16, 4 pixels) → sign0 →
    /// conv1 1×1 (16→8; K = 16, N = 8, 4 pixels) → sign1.
    /// </summary>
    public static IrGraph TwoLayerConv()
    {
        var random = new Random(5);
        var image = new IrValue("image", new TensorShape(1, 1, 4, 4));
        var l0 = LinearLayout.Convolution(1, 16, new WindowGeometry(2, 2, 2, 2), 4, 4);
        var c0 = new IrValue("conv0_out", l0.OutputShape);
        var s0 = new IrValue("sign0_out", l0.OutputShape);
        var l1 = LinearLayout.Convolution(16, 8, new WindowGeometry(1, 1), 2, 2);
        var c1 = new IrValue("conv1_out", l1.OutputShape);
        var s1 = new IrValue("sign1_out", l1.OutputShape);
        return new IrGraph("two-layer-conv", [image], [s1],
        [
            new BinaryLinearNode("conv0", "test", image, c0, l0, Signs(random, l0), null, null),
            new ThresholdNode("sign0", "test", c0, s0, [0f], 1, null, strict: false, outScale: 2f, outBias: -1f),
            new BinaryLinearNode("conv1", "test", s0, c1, l1, Signs(random, l1), null, null),
            new ThresholdNode("sign1", "test", c1, s1, [0f], 1, null, strict: false, outScale: 2f, outBias: -1f),
        ]);
    }

    /// <summary>image [1, 1, 4, 4] (8-bit) → conv 2×2 stride 2 (1 → <paramref name="channels"/>; K = 4, 4 pixels) → sign.</summary>
    public static IrGraph SingleConv(int channels)
    {
        var random = new Random(7);
        var image = new IrValue("image", new TensorShape(1, 1, 4, 4));
        var layout = LinearLayout.Convolution(1, channels, new WindowGeometry(2, 2, 2, 2), 4, 4);
        var conv = new IrValue("conv_out", layout.OutputShape);
        var output = new IrValue("sign_out", layout.OutputShape);
        return new IrGraph("single-conv", [image], [output],
        [
            new BinaryLinearNode("conv", "test", image, conv, layout, Signs(random, layout), null, null),
            new ThresholdNode("sign", "test", conv, output, [0f], 1, null, strict: false, outScale: 2f, outBias: -1f),
        ]);
    }

    private static sbyte[] Signs(Random random, LinearLayout layout)
    {
        var signs = new sbyte[layout.Rows * layout.Columns];
        for (var i = 0; i < signs.Length; i++)
        {
            signs[i] = random.Next(2) == 0 ? (sbyte)-1 : (sbyte)1;
        }

        return signs;
    }
}
