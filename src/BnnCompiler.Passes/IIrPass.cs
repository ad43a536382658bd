using BnnCompiler.Core.Ir;

namespace BnnCompiler.Passes;

/// <summary>A transformation of the IR graph; returns whether it changed anything.</summary>
public interface IIrPass
{
    string Name { get; }

    bool Run(IrGraph graph);
}
