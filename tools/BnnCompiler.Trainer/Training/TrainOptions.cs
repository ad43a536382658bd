using System.Diagnostics;
using System.Globalization;
using BnnCompiler.Data;
using BnnCompiler.Trainer.Model;
using BnnCompiler.Trainer.Numerics;

namespace BnnCompiler.Trainer.Training;

/// <summary>Everything that defines a training run; the same options and seed give the same weights.</summary>
internal sealed record TrainOptions
{
    public string Arch { get; init; } = "cnn";

    /// <summary>Widths for <see cref="Architectures.Build"/>; null for the defaults.</summary>
    public int[]? Widths { get; init; }

    public int Epochs { get; init; } = 10;

    public int BatchSize { get; init; } = 100;

    /// <summary>adam or sgd (with momentum 0.9).</summary>
    public string Optimizer { get; init; } = "adam";

    public float LearningRate { get; init; } = 2e-3f;

    /// <summary>Final learning rate as a fraction of the first (cosine decay).</summary>
    public float FinalLearningRateFraction { get; init; }

    /// <summary>Epochs of linear warm-up at the start.</summary>
    public float WarmupEpochs { get; init; }

    public ulong Seed { get; init; } = 1;

    /// <summary>Random shifts of up to this many pixels in x and y (zero fill).</summary>
    public int ShiftPixels { get; init; }

    /// <summary>Random horizontal flips (for Fashion-MNIST; not for digits).</summary>
    public bool Flip { get; init; }

    /// <summary>Use only the first this many training images (0: all).</summary>
    public int Limit { get; init; }

    /// <summary>After training, recompute every BatchNorm's statistics exactly over this many training images (0: keep the running averages).</summary>
    public int Calibrate { get; init; }

    /// <summary>A QONNX export of the same architecture to start from instead of a random initialization.</summary>
    public string? InitialModelPath { get; init; }

    public string Describe() => FormattableString.Invariant(
        $"{Optimizer} lr {LearningRate:G3} cosine to {FinalLearningRateFraction:G3}×{(WarmupEpochs > 0 ? $" after {WarmupEpochs:G3} warm-up epochs" : "")}, ")
        + FormattableString.Invariant($"batch {BatchSize}, {Epochs} epochs, shifts ±{ShiftPixels} px{(Flip ? ", horizontal flips" : "")}, ")
        + FormattableString.Invariant($"BN {(Calibrate > 0 ? $"statistics recomputed over {Calibrate:N0} training images" : "running averages (momentum 0.1)")}, ")
        + FormattableString.Invariant($"latent weights clipped to [−1, 1], seed {Seed}{(InitialModelPath is null ? "" : $", started from {Path.GetFileName(InitialModelPath)}")}");
}
