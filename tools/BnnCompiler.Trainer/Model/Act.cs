namespace BnnCompiler.Trainer.Model;

/// <summary>A batch of activations, NCHW, row-major; fully connected layers use H = W = 1.</summary>
internal sealed class Act
{
    public Act(float[] data, int n, int c, int h, int w)
    {
        if (data.Length < (long)n * c * h * w)
        {
            throw new ArgumentException("buffer too small for the shape");
        }

        Data = data;
        N = n;
        C = c;
        H = h;
        W = w;
    }

    public float[] Data { get; }

    public int N { get; }

    public int C { get; }

    public int H { get; }

    public int W { get; }

    /// <summary>Values per sample.</summary>
    public int Size => C * H * W;

    public int Plane => H * W;

    public Span<float> Sample(int n) => Data.AsSpan(n * Size, Size);

    public override string ToString() => $"[{N},{C},{H},{W}]";
}
