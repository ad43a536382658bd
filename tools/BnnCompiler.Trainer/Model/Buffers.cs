namespace BnnCompiler.Trainer.Model;

/// <summary>Reusable scratch arrays: a layer keeps its buffers between steps and grows them only when needed.</summary>
internal static class Buffers
{
    public static float[] Get(ref float[]? buffer, long length)
    {
        if (buffer is null || buffer.Length != length)
        {
            buffer = new float[length];
        }

        return buffer;
    }

    public static int[] Get(ref int[]? buffer, long length)
    {
        if (buffer is null || buffer.Length != length)
        {
            buffer = new int[length];
        }

        return buffer;
    }
}
