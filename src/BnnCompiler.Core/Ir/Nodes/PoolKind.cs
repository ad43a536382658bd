namespace BnnCompiler.Core.Ir.Nodes;

/// <summary>Pooling reduction.</summary>
public enum PoolKind
{
    Max,
    Average,
}
