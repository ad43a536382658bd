using BnnCompiler.Core.Ir;

namespace BnnCompiler.Core.Interpretation;

/// <summary>Data movement kernels: transpose, concatenation, pooling.</summary>
public static class ShapeKernels
{
    public static float[] Transpose(float[] x, TensorShape shape, int[] perm)
    {
        var rank = shape.Rank;
        var inStrides = shape.Strides();
        var outDims = perm.Select(p => shape[p]).ToArray();
        var outShape = new TensorShape(outDims);
        var outStrides = outShape.Strides();
        var result = new float[x.Length];
        for (var flat = 0; flat < result.Length; flat++)
        {
            var rest = flat;
            var source = 0;
            for (var d = 0; d < rank; d++)
            {
                var coord = rest / outStrides[d];
                rest -= coord * outStrides[d];
                source += coord * inStrides[perm[d]];
            }

            result[flat] = x[source];
        }

        return result;
    }

    public static float[] Concat(IReadOnlyList<float[]> parts, IReadOnlyList<TensorShape> shapes, int axis)
    {
        var outer = 1;
        for (var d = 0; d < axis; d++)
        {
            outer *= shapes[0][d];
        }

        var result = new float[parts.Sum(p => p.Length)];
        var offset = 0;
        for (var o = 0; o < outer; o++)
        {
            for (var i = 0; i < parts.Count; i++)
            {
                var chunk = parts[i].Length / outer;
                Array.Copy(parts[i], o * chunk, result, offset, chunk);
                offset += chunk;
            }
        }

        return result;
    }
}
