namespace BnnCompiler.Trainer.Model;

/// <summary>Shape of one sample: channels, height, width.</summary>
internal readonly record struct Shape(int C, int H, int W)
{
    public int Size => C * H * W;

    public override string ToString() => H == 1 && W == 1 ? $"{C}" : $"{C}×{H}×{W}";
}
