using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Core.Tests;

/// <summary>
/// Each rule of the IR verifier fails on a hand-made broken graph with a message naming the rule, the node and the
/// values, and holds on the same graph before it was broken; the graph itself refuses two producers of one value.
/// </summary>
public sealed class IrVerifierTests
{
    private static readonly IrValue X = new("x", new TensorShape(1, 4));

    [Fact]
    public void Should_Accept_A_Well_Formed_Graph()
    {
        var (graph, _) = Layer();

        Assert.Empty(IrVerifier.Verify(graph));
        IrVerifier.ThrowIfBroken(graph, "test");
    }

    [Fact]
    public void Should_Refuse_Two_Producers_Of_One_Value_In_The_Graph_And_The_Verifier()
    {
        var y = new IrValue("y", new TensorShape(1, 4));
        IrNode[] nodes = [new UnaryNode("a", "Relu", UnaryOp.Relu, X, y), new UnaryNode("b", "Abs", UnaryOp.Abs, X, y)];

        var e = Assert.Throws<IrInvariantException>(() => new IrGraph("g", [X], [y], nodes));
        Assert.Equal("IR invariant: value %y[1x4] is produced by both a and b", e.Message);
        Assert.Equal(["single-producer: %y[1x4] is produced by both a and b"], IrVerifier.Verify([X], [y], nodes));
    }

    [Fact]
    public void Should_Report_A_Node_Writing_The_Graph_Input()
    {
        var k = new IrValue("k", new TensorShape(1, 4), [1f, 2f, 3f, 4f]);
        var graph = new IrGraph("g", [X], [X], [new UnaryNode("w", "Relu", UnaryOp.Relu, k, X)]);

        Assert.Contains("single-producer: w writes %x[1x4], which is a graph input or a constant", IrVerifier.Verify(graph));
    }

    [Fact]
    public void Should_Report_A_Dangling_Value_And_A_Dangling_Output()
    {
        var ghost = new IrValue("ghost", new TensorShape(1, 4));
        var y = new IrValue("y", new TensorShape(1, 4));
        var missing = new IrValue("missing", new TensorShape(1, 4));

        var problems = IrVerifier.Verify([X], [y, missing], [new ElementwiseNode("add", "Add", ElementwiseOp.Add, X, ghost, y)]);

        Assert.Equal(["no-dangling: add reads %ghost[1x4], which no node produces and is not a graph input",
            "no-dangling: graph output %missing[1x4] has no producer"], problems);
        Assert.Throws<IrInvariantException>(() => new IrGraph("g", [X], [y], [new ElementwiseNode("add", "Add", ElementwiseOp.Add, X, ghost, y)]));
    }

    [Fact]
    public void Should_Report_A_Node_Before_Its_Producer()
    {
        var a = new IrValue("a", new TensorShape(1, 4));
        var b = new IrValue("b", new TensorShape(1, 4));

        var problems = IrVerifier.Verify([X], [b], [new UnaryNode("second", "Relu", UnaryOp.Relu, a, b), new UnaryNode("first", "Abs", UnaryOp.Abs, X, a)]);

        Assert.Equal(["order: second reads %a[1x4] before its producer"], problems);
    }

    [Fact]
    public void Should_Report_Two_Values_Sharing_A_Name()
    {
        var twin = new IrValue("x", new TensorShape(1, 2));
        var y = new IrValue("y", new TensorShape(1, 4));
        var graph = new IrGraph("g", [X], [y], [new ElementwiseNode("add", "Add", ElementwiseOp.Add, X, new IrValue("x", TensorShape.Scalar, [1f]), y)]);
        _ = twin;

        Assert.Equal(["one-value-per-name: two values are named 'x' ([1x4] and [])"], IrVerifier.Verify(graph));
    }

    [Fact]
    public void Should_Report_Shapes_That_Do_Not_Follow_From_The_Inputs()
    {
        var wide = new IrValue("wide", new TensorShape(1, 8));
        var three = new IrValue("three", new TensorShape(1, 3));
        var sum = new IrValue("sum", new TensorShape(1, 4));
        var fc = new IrValue("fc", new TensorShape(1, 2));
        IrNode[] nodes =
        [
            new UnaryNode("relu", "Relu", UnaryOp.Relu, X, wide),
            new ElementwiseNode("add", "Add", ElementwiseOp.Add, wide, new IrValue("k", new TensorShape(1, 3), [1f, 2f, 3f]), sum),
            new UnaryNode("narrow", "Slice", UnaryOp.Identity, X, three),
            new BinaryLinearNode("fc", "MatMul", three, fc, LinearLayout.Dense(4, 2), [1, -1, 1, -1, 1, 1, -1, -1], null, null),
        ];

        Assert.Equivalent(new[]
        {
            "shape: relu (relu) maps %x[1x4] to %wide[1x8]; the element counts must agree",
            "shape: add (add) of [1x8] and [1x3] broadcasts to nothing, but its output is %sum[1x4]",
            "shape: narrow (identity) maps %x[1x4] to %three[1x3]; the element counts must agree",
            "shape: fc (dense 4x2) reads 4 elements, but its input is %three[1x3]",
        }, IrVerifier.Verify(new IrGraph("g", [X], [sum, fc], nodes)), strict: true);
    }

    [Fact]
    public void Should_Report_Code_Tables_That_Disagree_With_Their_Node()
    {
        var t = new IrValue("t", new TensorShape(1, 4));
        var d = new IrValue("d", new TensorShape(1, 2));
        var graph = new IrGraph("g", [X], [d],
        [
            new ThresholdNode("sign", "MultiThreshold", X, t, [0f, 2f, 1f, 3f, 0f, 1f, 2f, 3f, 1f, 1f, 1f, 1f, 0f, 0f, 0f, 0f], 4, [1, 1, 0, -1], false, 1f, 0f),
            new BinaryLinearNode("fc", "MatMul", t, d, LinearLayout.Dense(4, 2), [1, -1, 0, -1, 1, 1, -1, -1], [0.5f], null),
        ]);

        Assert.Equal(
        [
            "encoding: sign channel 0 thresholds are not ascending (2 then 1)",
            "encoding: sign has 4 channel signs for 4 channels; each must be +1 or -1",
            "encoding: fc has weight sign 0 at 2; allowed: +1, -1",
            "shape: fc has 1 alpha values for 2 output channels",
        ], IrVerifier.Verify(graph));
        var e = Assert.Throws<IrInvariantException>(() => IrVerifier.ThrowIfBroken(graph, "fold-into-integer-thresholds"));
        Assert.StartsWith("IR verifier after fold-into-integer-thresholds (g): 4 violation(s):", e.Message, StringComparison.Ordinal);
    }

    /// <summary>x[1,4] → threshold → binary dense 4→2, well formed.</summary>
    private static (IrGraph Graph, IrValue Output) Layer()
    {
        var t = new IrValue("t", new TensorShape(1, 4));
        var d = new IrValue("d", new TensorShape(1, 2));
        var graph = new IrGraph("g", [X], [d],
        [
            new ThresholdNode("sign", "Sign", X, t, [0f], 1, null, false, 2f, -1f),
            new BinaryLinearNode("fc", "MatMul", t, d, LinearLayout.Dense(4, 2), [1, -1, 1, -1, 1, 1, -1, -1], [0.5f, 0.25f], null),
        ]);
        return (graph, d);
    }
}
