namespace BnnCompiler.Core.Ir.Nodes;

/// <summary>
/// Max or average pooling over NCHW windows (global pooling is a window the size of the map). Average
/// pooling divides by the window size, or by the count of non-pad elements unless count_include_pad.
/// </summary>
public sealed class PoolNode : IrNode
{
    public PoolNode(string name, string origin, PoolKind kind, IrValue input, IrValue output, WindowGeometry window, bool countIncludePad)
        : base(name, origin, [input], [output])
    {
        Kind = kind;
        Window = window;
        CountIncludePad = countIncludePad;
    }

    public PoolKind Kind { get; }

    public WindowGeometry Window { get; }

    public bool CountIncludePad { get; }

    public override string OpName => Kind == PoolKind.Max ? "max_pool" : "avg_pool";

    public override IrNode WithInputs(IReadOnlyList<IrValue> inputs) => new PoolNode(Name, Origin, Kind, inputs[0], Output, Window, CountIncludePad);

    public override string Describe() => Window.ToString();
}
