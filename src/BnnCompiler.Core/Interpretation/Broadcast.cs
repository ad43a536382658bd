using BnnCompiler.Core.Ir;

namespace BnnCompiler.Core.Interpretation;

/// <summary>Index mapping from a broadcast output shape back to an operand (NumPy rules).</summary>
public static class Broadcast
{
    /// <summary>For each output element, the flat index of the operand element it reads.</summary>
    public static int[] Indices(TensorShape operand, TensorShape output)
    {
        var count = output.Count;
        var map = new int[count];
        if (operand.Count == count && operand.Equals(output))
        {
            for (var i = 0; i < count; i++)
            {
                map[i] = i;
            }

            return map;
        }

        if (operand.Count == 1)
        {
            return map;
        }

        var rank = output.Rank;
        var offset = rank - operand.Rank;
        var operandStrides = operand.Strides();
        var strides = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            strides[i] = i < offset || operand[i - offset] == 1 ? 0 : operandStrides[i - offset];
        }

        var outStrides = output.Strides();
        for (var flat = 0; flat < count; flat++)
        {
            var rest = flat;
            var index = 0;
            for (var d = 0; d < rank; d++)
            {
                var coord = rest / outStrides[d];
                rest -= coord * outStrides[d];
                index += coord * strides[d];
            }

            map[flat] = index;
        }

        return map;
    }
}
