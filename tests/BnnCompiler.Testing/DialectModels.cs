using BnnCompiler.Onnx.Building;

namespace BnnCompiler.Testing;

/// <summary>
/// Small binarized networks written the way each exporter dialect writes them, for import tests:
/// dense: x[1,16] → binarize → linear 16→8 → BN → binarize → linear 8→4 → BN → y[1,4];
/// conv:  x[1,2,6,6] → binarize → conv3x3 pad1 2→4 → BN → binarize → maxpool2 → conv3x3 4→3 → BN → flatten → y[1,3].
/// BatchNorm means are integers and half the β are zero, so some pre-activations are exactly zero; some γ
/// are negative. Per-channel α = m/64 (at most 7 significant bits) keeps float sums of ±α exact.
/// </summary>
public static class DialectModels
{
    public static byte[] Build(Dialect dialect, bool conv, bool alpha, int seed)
    {
        var rng = new Random(seed);
        var b = new OnnxModelBuilder($"{dialect}_{(conv ? "conv" : "dense")}", opset: 13);
        var writer = new DialectWriter(dialect, b, rng);
        var x = b.Input("x", conv ? [1, 2, 6, 6] : [1, 16]);
        string y;
        if (conv)
        {
            var a = writer.Binarize(x, 2, isInput: true);
            var c1 = writer.Linear(a, 4, 2, 3, pad: 1, alpha);
            var h = writer.NormAndBinarize(c1, 4, isConv: true);
            var p = b.Node("MaxPool", [h], new Dictionary<string, object> { ["kernel_shape"] = new long[] { 2, 2 }, ["strides"] = new long[] { 2, 2 } });
            var c2 = writer.Linear(p, 3, 4, 3, pad: 0, alpha);
            var n2 = writer.BatchNorm(c2, 3);
            y = b.Node("Flatten", [n2], new Dictionary<string, object> { ["axis"] = 1L }, output: "y");
            b.Output(y, [1, 3]);
        }
        else
        {
            var a = writer.Binarize(x, 16, isInput: true);
            var l1 = writer.Linear(a, 8, 16, 0, 0, alpha);
            var h = writer.NormAndBinarize(l1, 8, isConv: false);
            var l2 = writer.Linear(h, 4, 8, 0, 0, alpha);
            y = writer.BatchNorm(l2, 4, output: "y");
            b.Output(y, [1, 4]);
        }

        return b.ToBytes();
    }

    /// <summary>
    /// A deep dense network in the dialect: x[1,16] → binarize → (linear 16→16 → BN → binarize) × <paramref name="hidden"/>
    /// → linear 16→4 → BN → y[1,4], so it holds hidden + 1 binarizers. Inputs as <see cref="Input"/> with conv = false.
    /// </summary>
    public static byte[] BuildDeep(Dialect dialect, int hidden, int seed)
    {
        var rng = new Random(seed);
        var b = new OnnxModelBuilder($"{dialect}_deep{hidden}", opset: 13);
        var writer = new DialectWriter(dialect, b, rng);
        var h = writer.Binarize(b.Input("x", [1, 16]), 16, isInput: true);
        for (var i = 0; i < hidden; i++)
        {
            h = writer.NormAndBinarize(writer.Linear(h, 16, 16, 0, 0, alpha: false), 16, isConv: false);
        }

        var y = writer.BatchNorm(writer.Linear(h, 4, 16, 0, 0, alpha: false), 4, output: "y");
        b.Output(y, [1, 4]);
        return b.ToBytes();
    }

    /// <summary>Seeded integer inputs in [−3, 3] (zeros included) of the model's input size.</summary>
    public static float[] Input(bool conv, Random rng) =>
        Enumerable.Range(0, conv ? 72 : 16).Select(_ => (float)rng.Next(-3, 4)).ToArray();
}
