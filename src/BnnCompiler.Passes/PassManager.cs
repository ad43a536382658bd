using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Core.Ir;

namespace BnnCompiler.Passes;

/// <summary>
/// Runs an ordered list of passes, each until it reports no change, then removes dead nodes. Each run of a pass
/// rewrites every match it finds, so a pass needs a handful of rounds, never one per layer; a pass still changing
/// the graph after <see cref="MaxRoundsPerPass"/> rounds is reported as an error (BNN3030), not silently cut short.
/// <see cref="PassChecks"/> chooses the checks after every pass; an optional observer sees the graph after every
/// pass that changed it (for printing or checking).
/// <code>
/// before: imported graph (Sign, Where, Cast, BatchNorm chains)   after: canonical graph (thresholds on integer dot products)
/// </code>
/// </summary>
public sealed class PassManager(IReadOnlyList<IIrPass> passes, Action<IIrPass, IrGraph>? afterPass = null, PassChecks? checks = null)
{
    /// <summary>The most rounds one pass may take before the run stops with BNN3030.</summary>
    public const int MaxRoundsPerPass = 64;

    /// <summary>Diagnostic code of a pass that still changes the graph after <see cref="MaxRoundsPerPass"/> rounds.</summary>
    public const string RoundCapCode = "BNN3030";

    public IReadOnlyList<IIrPass> Passes { get; } = passes;

    public PassChecks Checks { get; } = checks ?? PassChecks.BuildDefault;

    /// <param name="graph">The graph, rewritten in place.</param>
    /// <param name="source">The file the graph came from, for diagnostics; the graph's name when null.</param>
    /// <returns>How many pass runs changed the graph (each followed by the checks).</returns>
    public int Run(IrGraph graph, string? source = null)
    {
        var changes = 0;
        var outputs = Checks.InterpreterSamples > 0 ? new OutputCheck(graph, Checks.InterpreterSamples, Checks.Seed) : null;
        Verify(graph, "import");
        foreach (var pass in Passes)
        {
            var rounds = 0;
            while (pass.Run(graph))
            {
                graph.RemoveDeadNodes();
                Verify(graph, pass.Name);
                outputs?.Check(graph, pass.Name);
                afterPass?.Invoke(pass, graph);
                changes++;
                if (++rounds == MaxRoundsPerPass)
                {
                    throw new DiagnosticException(Diagnostic.Error(RoundCapCode,
                        $"pass {pass.Name} still changed the graph after {rounds} rounds (each round rewrites every match); " +
                        "the binarized layers would stay partly unfolded, so the model is refused",
                        new SourceLocation(source ?? graph.Name)));
                }
            }
        }

        graph.RemoveDeadNodes();
        Verify(graph, "dead-node removal");
        return changes;
    }

    private void Verify(IrGraph graph, string after)
    {
        if (Checks.Structure)
        {
            IrVerifier.ThrowIfBroken(graph, after);
        }
    }
}
