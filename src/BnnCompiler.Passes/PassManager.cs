using BnnCompiler.Core.Ir;

namespace BnnCompiler.Passes;

/// <summary>
/// Runs an ordered list of passes, each until it reports no change (capped), then removes dead nodes.
/// An optional observer sees the graph after every pass that changed it (for printing or checking).
/// </summary>
public sealed class PassManager(IReadOnlyList<IIrPass> passes, Action<IIrPass, IrGraph>? afterPass = null)
{
    private const int MaxIterationsPerPass = 64;

    public IReadOnlyList<IIrPass> Passes { get; } = passes;

    public void Run(IrGraph graph)
    {
        foreach (var pass in Passes)
        {
            for (var i = 0; i < MaxIterationsPerPass && pass.Run(graph); i++)
            {
                graph.RemoveDeadNodes();
                afterPass?.Invoke(pass, graph);
            }
        }

        graph.RemoveDeadNodes();
    }
}
