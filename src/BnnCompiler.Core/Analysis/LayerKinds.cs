namespace BnnCompiler.Core.Analysis;

/// <summary>The kinds of layer reported by inspect and used by the mapper.</summary>
public static class LayerKinds
{
    /// <summary>±1 weights and ±1 (bipolar) inputs: one crossbar read per input vector.</summary>
    public const string Binary = "binary";

    /// <summary>±1 weights and multi-bit integer inputs (e.g. the 8-bit image): applied bit-serially.</summary>
    public const string MultiBitInput = "n-bit input, binary weights";

    /// <summary>±1 weights but inputs that are not integer codes.</summary>
    public const string FloatInput = "binary weights, float input";

    /// <summary>Weights that are not ±α per channel: kept in full precision, digital.</summary>
    public const string FullPrecision = "full precision";

    /// <summary>Thresholds, pooling, residual adds, concatenation, reshapes, normalisation.</summary>
    public const string Digital = "digital";
}
