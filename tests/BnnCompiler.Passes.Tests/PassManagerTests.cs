using System.Diagnostics;
using System.Reflection;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Passes.Recognition;

namespace BnnCompiler.Passes.Tests;

/// <summary>
/// The pass manager: a pass that never settles stops the run with BNN3030 naming the pass and the file; each
/// recognition pass rewrites every match in one run; the checks after each pass catch a pass that breaks the IR or
/// changes the outputs.
/// </summary>
public sealed class PassManagerTests
{
    [Fact]
    public void Should_Report_A_Pass_That_Still_Changes_The_Graph_At_The_Round_Cap()
    {
        var graph = Chain(3);
        var pass = new RenamingPass();

        var e = Assert.Throws<DiagnosticException>(() => new PassManager([pass], checks: PassChecks.None).Run(graph, "models/never.onnx"));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(PassManager.RoundCapCode, d.Code);
        Assert.Equal("models/never.onnx", d.Location?.File);
        Assert.Contains("pass renaming still changed the graph after 64 rounds", d.Message, StringComparison.Ordinal);
        Assert.Equal(PassManager.MaxRoundsPerPass, pass.Runs);
    }

    [Fact]
    public void Should_Rewrite_Every_Comparison_In_One_Run()
    {
        var graph = Chain(5);

        Assert.True(new ComparisonToThreshold().Run(graph));

        Assert.Equal(5, graph.Nodes.OfType<ThresholdNode>().Count());
        Assert.Empty(graph.Nodes.OfType<ElementwiseNode>());
        Assert.False(new ComparisonToThreshold().Run(graph));
    }

    [Fact]
    public void Should_Fold_Where_Of_Every_Threshold_And_Then_Its_Cast_In_One_Run()
    {
        // x → (t_i = threshold; w_i = Where(t_i, 1, -1); c_i = Cast(w_i)) × 4: one run of select-to-threshold folds all
        // eight idioms, because a Cast is visited after the Where it reads has become a threshold.
        var one = new IrValue("one", TensorShape.Scalar, [1f]);
        var minusOne = new IrValue("minus_one", TensorShape.Scalar, [-1f]);
        var x = new IrValue("x", new TensorShape(1, 4));
        var nodes = new List<IrNode>();
        var h = x;
        for (var i = 0; i < 4; i++)
        {
            var t = new IrValue($"t{i}", new TensorShape(1, 4));
            var w = new IrValue($"w{i}", new TensorShape(1, 4));
            var c = new IrValue($"c{i}", new TensorShape(1, 4));
            nodes.Add(new ThresholdNode($"t{i}", "GreaterOrEqual", h, t, [0f], 1, null, false, 1f, 0f));
            nodes.Add(new WhereNode($"w{i}", "Where", t, one, minusOne, w));
            nodes.Add(new UnaryNode($"c{i}", "Cast", UnaryOp.Identity, w, c));
            h = c;
        }

        var graph = new IrGraph("g", [x], [h], nodes);
        var before = new Core.Interpretation.IrInterpreter(new IrGraph("g", [x], [h], nodes));

        Assert.True(new SelectToThreshold().Run(graph));
        graph.RemoveDeadNodes();

        Assert.Equal(4, graph.Nodes.Count);
        Assert.All(graph.Nodes, n => Assert.IsType<ThresholdNode>(n));
        float[] input = [-2f, 0f, 0.5f, 3f];
        Assert.Equal(before.Run(input), new Core.Interpretation.IrInterpreter(graph).Run(input));
    }

    [Fact]
    public void Should_Stop_A_Pass_That_Changes_The_Outputs_When_The_Interpreter_Check_Is_On()
    {
        var graph = Chain(2);

        var e = Assert.Throws<IrInvariantException>(() =>
            new PassManager([new FlippingPass()], checks: new PassChecks(Structure: true, InterpreterSamples: 2)).Run(graph, "m.onnx"));

        Assert.Contains("pass flip-first-comparison changed the interpreter's output on seeded sample", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Stop_A_Pass_That_Leaves_A_Broken_Graph_When_Verifying()
    {
        var graph = Chain(2);

        var e = Assert.Throws<IrInvariantException>(() => new PassManager([new BreakingPass()], checks: PassChecks.VerifyEach).Run(graph));

        Assert.Contains("IR verifier after break-thresholds", e.Message, StringComparison.Ordinal);
        Assert.Contains("encoding: ge0 channel 0 thresholds are not ascending (2 then 1)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Verify_After_Every_Pass_By_Default_Exactly_In_Debug_Builds()
    {
        var debug = typeof(PassChecks).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true;

        Assert.Equal(debug, PassChecks.BuildDefault.Structure);
        Assert.Same(PassChecks.BuildDefault, new PassManager([]).Checks);
    }

    /// <summary>x[1,4] → (x ≥ i) → … : <paramref name="count"/> comparisons with a scalar, each reading the last.</summary>
    internal static IrGraph Chain(int count)
    {
        var x = new IrValue("x", new TensorShape(1, 4));
        var nodes = new List<IrNode>();
        var h = x;
        for (var i = 0; i < count; i++)
        {
            var y = new IrValue($"y{i}", new TensorShape(1, 4));
            nodes.Add(new ElementwiseNode($"ge{i}", "GreaterOrEqual", ElementwiseOp.GreaterOrEqual, h, new IrValue($"c{i}", TensorShape.Scalar, [i * 0.25f]), y));
            h = y;
        }

        return new IrGraph("chain", [x], [h], nodes);
    }

    /// <summary>Replaces the first node by a copy under a new name on every run, so it never settles.</summary>
    private sealed class RenamingPass : IIrPass
    {
        public int Runs { get; private set; }

        public string Name => "renaming";

        public bool Run(IrGraph graph)
        {
            Runs++;
            var first = (ElementwiseNode)graph.Nodes[0];
            graph.Replace([first], [new ElementwiseNode($"ge_{Runs}", first.Origin, first.Op, first.Inputs[0], first.Inputs[1], first.Output)]);
            return true;
        }
    }

    /// <summary>Turns the first comparison into its negation: the structure stays valid, the numbers do not.</summary>
    private sealed class FlippingPass : IIrPass
    {
        public string Name => "flip-first-comparison";

        public bool Run(IrGraph graph)
        {
            if (graph.Nodes[0] is not ElementwiseNode { Op: ElementwiseOp.GreaterOrEqual } first)
            {
                return false;
            }

            graph.Replace([first], [new ElementwiseNode(first.Name, first.Origin, ElementwiseOp.Less, first.Inputs[0], first.Inputs[1], first.Output)]);
            return true;
        }
    }

    /// <summary>Writes a threshold table in descending order, which the verifier's encoding rule refuses.</summary>
    private sealed class BreakingPass : IIrPass
    {
        public string Name => "break-thresholds";

        public bool Run(IrGraph graph)
        {
            if (graph.Nodes[0] is not ElementwiseNode first)
            {
                return false;
            }

            graph.Replace([first], [new ThresholdNode(first.Name, first.Origin, first.Inputs[0], first.Output, [2f, 1f], 2, null, false, 1f, 0f)]);
            return true;
        }
    }
}
