using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Onnx;
using BnnCompiler.Testing;

namespace BnnCompiler.Isa.Tests;

/// <summary>The models and specs the ISA tests compile: TFC from shared/models and small hand-built conv graphs.</summary>
internal static class IsaTestModels
{
    public static string TfcPath => RepoPaths.ExternalModel(Path.Combine("tfc-w1a1", "TFC_1W1A.qonnx.onnx"));

    public static string SpecPath(string name) => RepoPaths.Require(RepoPaths.Repo(Path.Combine("hwspecs", name)));

    public static HardwareSpec Spec(string name, params string[] overrides) => HardwareSpecLoader.Load(SpecPath(name), overrides);

    public static ChipMapping Tfc(params string[] overrides) => CrossbarMapper.Map(OnnxFrontend.Load(TfcPath).Graph, Spec("tiny.yaml", overrides));

    /// <summary>
    /// image [1, 2, 6, 6] (8-bit) → conv0 3×3 (2→8, pad 1) → sign → max pool 2×2 → conv1 3×3 (8→4) → sign → add
    /// with itself (a residual-style add): a small conv model with pooling, thresholds and a residual add.
    /// </summary>
    public static IrGraph SmallConv()
    {
        var random = new Random(11);
        var image = new IrValue("image", new TensorShape(1, 2, 6, 6));
        var w0 = new WindowGeometry(3, 3, 1, 1, 1, 1, 1, 1);
        var l0 = LinearLayout.Convolution(2, 8, w0, 6, 6);
        var c0 = new IrValue("conv0_out", l0.OutputShape);
        var s0 = new IrValue("sign0_out", l0.OutputShape);
        var p0 = new IrValue("pool0_out", new TensorShape(1, 8, 3, 3));
        var l1 = LinearLayout.Convolution(8, 4, new WindowGeometry(3, 3), 3, 3);
        var c1 = new IrValue("conv1_out", l1.OutputShape);
        var s1 = new IrValue("sign1_out", l1.OutputShape);
        var sum = new IrValue("sum", l1.OutputShape);
        return new IrGraph("small-conv", [image], [sum],
        [
            new BinaryLinearNode("conv0", "test", image, c0, l0, Signs(random, l0), null, null),
            new ThresholdNode("sign0", "test", c0, s0, [0f], 1, null, strict: false, outScale: 2f, outBias: -1f),
            new PoolNode("pool0", "test", PoolKind.Max, s0, p0, new WindowGeometry(2, 2, 2, 2), countIncludePad: false),
            new BinaryLinearNode("conv1", "test", p0, c1, l1, Signs(random, l1), null, null),
            new ThresholdNode("sign1", "test", c1, s1, [0f], 1, null, strict: false, outScale: 2f, outBias: -1f),
            new ElementwiseNode("add", "test", ElementwiseOp.Add, s1, s1, sum),
        ]);
    }

    public static sbyte[] Signs(Random random, LinearLayout layout)
    {
        var signs = new sbyte[layout.Rows * layout.Columns];
        for (var i = 0; i < signs.Length; i++)
        {
            signs[i] = random.Next(2) == 0 ? (sbyte)-1 : (sbyte)1;
        }

        return signs;
    }
}
