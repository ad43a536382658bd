namespace BnnCompiler.Core;

/// <summary>Arg-max with ties broken on the first maximum index, as ONNX ArgMax and TopK do.</summary>
public static class Top1
{
    public static int Of(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best;
    }
}
