using BnnCompiler.Core.Ir;

namespace BnnCompiler.Onnx.Import;

/// <summary>
/// Classifier heads that turn the scores into the decision: <c>TopK</c> with k = 1 (FINN's exports end in it) and
/// <c>ArgMax</c>. Both give the first index of the maximum, as ONNX defines them, which is what every comparison
/// here takes of the scores; so the head's index output is bound to the scores and the IR graph ends in them.
/// <code>
/// before: s = scores(x);  (values, index) = TopK(s, k = 1)  →  graph output index (int64)
/// after:  graph output s;  decision = arg-max of s (first maximum), compared with ONNX Runtime's index
/// </code>
/// </summary>
internal static class HeadTranslators
{
    public static void TopK(ImportContext ctx)
    {
        long k;
        if (ctx.Opset < 10)
        {
            k = ctx.Int("k", 0);
        }
        else
        {
            var values = ctx.ConstIn(1, "k");
            k = values.Length == 1 ? (long)values[0] : -1;
        }

        if (k != 1)
        {
            throw ctx.Error("BNN3011", $"TopK is supported as the classifier's decision, with k = 1; this node has k = {(k < 0 ? "a list" : k)}");
        }

        if (ctx.Int("largest", 1) != 1)
        {
            throw ctx.Error("BNN3011", "TopK with largest = 0 picks the smallest score; supported: largest = 1, the classifier's decision");
        }

        Decide(ctx, ctx.Int("axis", -1), indexOutput: 1);
    }

    public static void ArgMax(ImportContext ctx)
    {
        if (ctx.Int("select_last_index", 0) != 0)
        {
            throw ctx.Error("BNN3011", "ArgMax with select_last_index = 1 breaks ties on the last maximum; supported: the first maximum (select_last_index = 0)");
        }

        Decide(ctx, ctx.Int("axis", 0), indexOutput: 0);
    }

    private static void Decide(ImportContext ctx, long axis, int indexOutput)
    {
        var scores = ctx.In(0);
        if (scores.IsConstant)
        {
            throw ctx.Error("BNN3011", $"{ctx.Node.OpType} of a constant is not a classifier's decision");
        }

        var a = ctx.Axis(axis, scores.Shape.Rank);
        if (Enumerable.Range(0, scores.Shape.Rank).Any(i => i != a && scores.Shape[i] != 1))
        {
            throw ctx.Error("BNN3011",
                $"{ctx.Node.OpType} is supported as the decision over the classes of one image's scores (all other axes of size 1); got {scores.Shape} on axis {a}");
        }

        if (indexOutput >= ctx.Node.Output.Count || ctx.Node.Output[indexOutput].Length == 0)
        {
            throw ctx.Error("BNN3011", $"{ctx.Node.OpType} has no index output; the classifier's decision is its index");
        }

        ctx.Decide(ctx.Node.Output[indexOutput], scores);
    }
}
