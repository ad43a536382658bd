namespace BnnCompiler.Trainer.Model;

/// <summary>A trainable float tensor with its gradient and optimizer state.</summary>
internal sealed class Param
{
    public Param(string name, int length, bool latentBinary)
    {
        Name = name;
        Value = new float[length];
        Grad = new float[length];
        M = new float[length];
        V = new float[length];
        LatentBinary = latentBinary;
    }

    public string Name { get; }

    public float[] Value { get; }

    public float[] Grad { get; }

    /// <summary>Adam's first moment, or SGD's momentum buffer.</summary>
    public float[] M { get; }

    /// <summary>Adam's second moment.</summary>
    public float[] V { get; }

    /// <summary>Latent weights of a binarized layer: clipped to [−1, 1] after every update.</summary>
    public bool LatentBinary { get; }
}
