using BnnCompiler.Circuits.Components;
using BnnCompiler.Hardware;
using BnnCompiler.Simulator.Functional;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The read-out of one analog layer in one trial, per (row block, column): the block's quantizer
/// (<see cref="AdcQuantizer"/>), and the linear map from a column count to the ADC's input level,
/// <c>level = count · Scale + Bias</c> with Scale = (1 + g)/Δ and Bias = o + ½ of the ADC instance serving the
/// column (<see cref="AdcErrorModel"/>), evaluated in single precision with the noise. The digital side sums factor_b · 2^j · code as exact integers and divides
/// once by <see cref="Divisor"/>: with Δ_b = FullScale_b/(2^bits − 1) every read code·Δ_b is a whole multiple of
/// 1/(2^bits − 1), so factor_b = FullScale_b and divisor 2^bits − 1 (factor 2^bits − 1 for a block whose ADC is
/// exact; both 1 when every block is exact). Scale and Bias are per column so a calibration can move each column's
/// references.
/// </summary>
public sealed class AnalogColumnReadout
{
    public AnalogColumnReadout(AnalogLayerWeights cells, ReadoutSpec readout, int rows, AnalogDeviceModels models)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(readout);
        ArgumentNullException.ThrowIfNull(models);
        Columns = cells.Columns;
        var rowsPerBlock = cells.RowsPerBlock;
        Quantizers = [.. Enumerable.Range(0, cells.Blocks).Select(b => new AdcQuantizer(readout.AdcBits, Math.Min(rowsPerBlock, rows - (b * rowsPerBlock))))];
        var allExact = Quantizers.All(a => a.IsExact);
        var topCode = (1L << readout.AdcBits) - 1;
        Divisor = allExact ? 1 : topCode;
        Factor = [.. Quantizers.Select(a => allExact ? 1L : a.IsExact ? topCode : a.FullScale)];
        Scale = new float[cells.Adcs.Length];
        Bias = new float[cells.Adcs.Length];
        for (var i = 0; i < Scale.Length; i++)
        {
            var instance = cells.Adcs[i];
            Scale[i] = (float)(instance.Gain / Quantizers[i / Columns].Step);
            Bias[i] = (float)(instance.OffsetLsb + 0.5);
        }

        ReadVariance = (float)(models.ReadNoise.Sigma * models.ReadNoise.Sigma);
        NoiseVariance = (float)(models.Adc.NoiseSigmaLsb * models.Adc.NoiseSigmaLsb);
        StaticIdeal = !models.Adc.HasStaticErrors;
        Noisy = models.ReadNoise.IsActive || models.Adc.HasNoise;
    }

    public int Columns { get; }

    /// <summary>Per row block: the ADC levels over the block's rows.</summary>
    public AdcQuantizer[] Quantizers { get; }

    /// <summary>Per row block: the weight of its codes in the digital sum.</summary>
    public long[] Factor { get; }

    /// <summary>The digital sum's divisor (see the summary).</summary>
    public long Divisor { get; }

    /// <summary>[block · N + column]: (1 + g)/Δ of the column's ADC.</summary>
    public float[] Scale { get; }

    /// <summary>[block · N + column]: o + ½ of the column's ADC.</summary>
    public float[] Bias { get; }

    /// <summary>σ_r², the relative read-noise variance per unit Σ G².</summary>
    public float ReadVariance { get; }

    /// <summary>σ_n², the conversion-noise variance in LSB².</summary>
    public float NoiseVariance { get; }

    /// <summary>True when no ADC has an offset or gain error and the references were not calibrated.</summary>
    public bool StaticIdeal { get; private set; }

    /// <summary>True when a conversion draws noise (read noise or ADC noise on).</summary>
    public bool Noisy { get; }

    /// <summary>
    /// Moves each column's references onto its fitted transfer c ≈ a·m + o (<see cref="ColumnCalibration"/>): level i
    /// at a·i·Δ + o, so the ADC's input level becomes (1 + g)·(c − o)/(a·Δ) + offset + ½.
    /// </summary>
    public void Calibrate(AnalogLayerWeights cells, double[] gain, double[] offset)
    {
        ArgumentNullException.ThrowIfNull(gain);
        ArgumentNullException.ThrowIfNull(offset);
        var gainWords = new int[Scale.Length];
        var offsetWords = new int[Scale.Length];
        for (var i = 0; i < Scale.Length; i++)
        {
            gainWords[i] = ReferenceTrimModel.GainWord(gain[i]);
            offsetWords[i] = ReferenceTrimModel.OffsetWord(offset[i] / Quantizers[i / Columns].Step);
        }

        Trim(cells, gainWords, offsetWords);
    }

    /// <summary>
    /// Loads the trim words (<see cref="ReferenceTrimModel"/>: gain k/128, offset k/8 LSB) of every (block, column), as
    /// calibration writes them or a repaired program carries them: the ADC's input level becomes
    /// (1 + g)·(c − o)/(a·Δ) + offset + ½ with a and o the words' values.
    /// </summary>
    public void Trim(AnalogLayerWeights cells, int[] gainWords, int[] offsetWords)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(gainWords);
        ArgumentNullException.ThrowIfNull(offsetWords);
        for (var i = 0; i < Scale.Length; i++)
        {
            var instance = cells.Adcs[i];
            var step = Quantizers[i / Columns].Step;
            var a = gainWords[i] * ReferenceTrimModel.GainStep;
            var oLsb = offsetWords[i] * ReferenceTrimModel.OffsetStepLsb;
            Scale[i] = (float)(instance.Gain / (a * step));
            Bias[i] = (float)(instance.OffsetLsb + 0.5 - (instance.Gain * oLsb / a));
        }

        (GainWords, OffsetWords) = ((int[])gainWords.Clone(), (int[])offsetWords.Clone());
        StaticIdeal = false;
    }

    /// <summary>After <see cref="Calibrate"/> or <see cref="Trim"/>, [block · N + column]: the gain word's code (gain k/128); null before.</summary>
    public int[]? GainWords { get; private set; }

    /// <summary>After <see cref="Calibrate"/> or <see cref="Trim"/>, [block · N + column]: the offset word's code (k/8 LSB); null before.</summary>
    public int[]? OffsetWords { get; private set; }
}
