namespace BnnCompiler.Core.Ir;

/// <summary>A static tensor shape (row-major). Rank 0 is a scalar.</summary>
public sealed record TensorShape
{
    private readonly int[] _dims;

    public TensorShape(params int[] dims)
    {
        foreach (var d in dims)
        {
            if (d < 0)
            {
                throw new ShapeException($"dimension {d} is negative in [{string.Join(",", dims)}]");
            }
        }

        _dims = (int[])dims.Clone();
    }

    public static TensorShape Scalar { get; } = new();

    public IReadOnlyList<int> Dims => _dims;

    public int Rank => _dims.Length;

    public int this[int axis] => _dims[axis];

    /// <summary>The product of the dimensions; long.MaxValue when it does not fit in 64 bits.</summary>
    public long ElementCount
    {
        get
        {
            if (_dims.Contains(0))
            {
                return 0;
            }

            var count = 1L;
            foreach (var d in _dims)
            {
                if (count > long.MaxValue / d)
                {
                    return long.MaxValue;
                }

                count *= d;
            }

            return count;
        }
    }

    /// <summary>Element count as an int (tensors here stay below 2^31 elements).</summary>
    public int Count => checked((int)ElementCount);

    public int[] ToArray() => (int[])_dims.Clone();

    /// <summary>Row-major strides.</summary>
    public int[] Strides()
    {
        var strides = new int[_dims.Length];
        var s = 1;
        for (var i = _dims.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= _dims[i];
        }

        return strides;
    }

    public bool Equals(TensorShape? other) => other is not null && _dims.AsSpan().SequenceEqual(other._dims);

    public override int GetHashCode() => _dims.Aggregate(17, (h, d) => (h * 31) + d);

    public override string ToString() => "[" + string.Join("x", _dims) + "]";
}
