using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Hardware;
using BnnCompiler.Simulator.Functional;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// A binary layer executed from cell conductances: the same row blocks, bit-serial input planes, input
/// quantization (<see cref="Functional.InputQuantization"/>), ADC levels (<see cref="AdcQuantizer"/>), digital
/// recombination and counters as <see cref="CrossbarLayer"/>, but each column's count is the current of the
/// trial's actual cells (<see cref="AnalogLayerWeights"/>: variation, stuck cells, drift, finite on/off ratio,
/// IR drop), plus Gaussian read noise, converted by its own ADC instance (offset, gain, noise;
/// <see cref="AdcErrorModel"/>). With every magnitude zero each count is the exact match count and the layer's
/// outputs are bit-identical to <see cref="CrossbarLayer"/>'s.
/// </summary>
public sealed class AnalogCrossbarLayer : IBinaryLayerExecutor
{
    private readonly BinaryLinearNode _node;
    private readonly ValueEncoding _encoding;
    private readonly ReadoutSpec _readout;
    private readonly bool _quantizeInput;
    private readonly Im2Col _im2col;
    private readonly AnalogLayerWeights _cells;
    private readonly AnalogDeviceModels _models;
    private readonly AdcQuantizer[] _adc;
    private readonly PackedSigns _signs;
    private readonly long _divisor;
    private readonly long[] _factor;
    private readonly double[] _adcScale;  // [block · N + column]: (1 + g)/Δ of the column's ADC
    private readonly double[] _adcBias;   // [block · N + column]: o + ½ of the column's ADC
    private readonly int _seed;
    private readonly int _trial;

    public AnalogCrossbarLayer(BinaryLinearNode node, ValueEncoding inputEncoding, bool isImageInput, HardwareSpec spec, int trial)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(inputEncoding);
        ArgumentNullException.ThrowIfNull(spec);
        _node = node;
        _encoding = inputEncoding;
        _readout = spec.Readout;
        _quantizeInput = isImageInput && inputEncoding.Bits > spec.Readout.InputBits;
        _im2col = Im2Col.For(node.Layout);
        _models = AnalogDeviceModels.From(spec);
        _cells = new AnalogLayerWeights(node, spec, _models, trial);
        var k = node.Layout.Rows;
        var rows = _cells.RowsPerBlock;
        _adc = Enumerable.Range(0, _cells.Blocks).Select(b => new AdcQuantizer(spec.Readout.AdcBits, Math.Min(rows, k - (b * rows)))).ToArray();
        _signs = new PackedSigns(node, rows);
        var allExact = _adc.All(a => a.IsExact);
        var topCode = (1L << spec.Readout.AdcBits) - 1;
        _divisor = allExact ? 1 : topCode;
        _factor = [.. _adc.Select(a => allExact ? 1L : a.IsExact ? topCode : a.FullScale)];
        _adcScale = new double[_cells.Adcs.Length];
        _adcBias = new double[_cells.Adcs.Length];
        for (var i = 0; i < _adcScale.Length; i++)
        {
            var instance = _cells.Adcs[i];
            _adcScale[i] = instance.Gain / _adc[i / node.Layout.Columns].Step;
            _adcBias[i] = instance.OffsetLsb + 0.5;
        }

        _seed = spec.NonIdealities.Seed;
        _trial = trial;
        IsIdeal = spec.NonIdealities.IsIdeal;
        Counters = new LayerCounters(node.Name);
    }

    public LayerCounters Counters { get; }

    /// <summary>The trial's cells of this layer (count-domain coefficients and ADC instances).</summary>
    public AnalogLayerWeights Cells => _cells;

    /// <summary>True when every magnitude of the spec's non-idealities is zero.</summary>
    public bool IsIdeal { get; }

    /// <summary>True when the devices are ideal, every ADC reads every count exactly and inputs keep full precision.</summary>
    public bool IsExact => IsIdeal && !_quantizeInput && _adc.All(a => a.IsExact);

    public void Execute(ReadOnlySpan<float> input, float[] output)
    {
        var codes = new int[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            codes[i] = (int)MathF.Round((input[i] - _encoding.Offset) / _encoding.Scale);
        }

        var (applied, origin, step) = _quantizeInput ? Functional.InputQuantization.Apply(codes, _encoding.Bits, _readout) : (codes, 0.0, 1.0);
        var planes = _quantizeInput ? _readout.InputBits : _encoding.Bits;
        var scale = _encoding.Scale * step;
        var constant = (_encoding.Scale * origin) + _encoding.Offset;
        var noisy = _models.ReadNoise.IsActive || _models.Adc.HasNoise;
        var reads = noisy ? AnalogStreams.Reads(_seed, _trial, _node.Name, AnalogStreams.Hash(applied)) : null;

        var n = _node.Layout.Columns;
        var k = _node.Layout.Rows;
        var rowsPerBlock = _cells.RowsPerBlock;
        var blocks = _cells.Blocks;
        var pixels = _im2col.Pixels;
        var table = _im2col.Table;
        var wpb = _signs.WordsPerBlock;
        var positivesPerRow = _signs.PositivesPerRow;
        var rowCode = new int[k];          // input code of each weight row at this pixel, −1 for padding
        var valid = new ulong[blocks * wpb];
        var validRows = new int[blocks];
        var negatives = new int[blocks * n];
        var acc = new float[n];
        var baseAcc = new float[n];
        var varAcc = _cells.DiffSquares is null ? null : new float[n];
        var varBase = _cells.DiffSquares is null ? null : new float[n];
        var total = new long[n];           // Σ_b factor_b · Σ_j 2^j · code (exact integers)
        var negativeRows = new long[n];    // −1 weights on driven rows, over all blocks
        var signedValid = new long[n];
        long readCount = 0, rowsDriven = 0, matched = 0;
        for (var p = 0; p < pixels; p++)
        {
            Array.Clear(validRows);
            Array.Clear(valid);
            Array.Clear(total);
            Array.Clear(negativeRows);
            Array.Clear(signedValid);
            var rowBase = p * k;
            for (var r = 0; r < k; r++)
            {
                var index = table[rowBase + r];
                rowCode[r] = index < 0 ? -1 : applied[index];
                if (index < 0)
                {
                    continue;
                }

                var (b, offset) = Math.DivRem(r, rowsPerBlock);
                valid[(b * wpb) + (offset >> 6)] |= 1UL << (offset & 63);
                validRows[b]++;
            }

            for (var b = 0; b < blocks; b++)
            {
                var start = b * rowsPerBlock;
                var count = _adc[b].FullScale;
                var full = validRows[b] == count;
                var blockValid = valid.AsSpan(b * wpb, wpb);
                rowsDriven += (long)planes * validRows[b];
                readCount += planes;
                BlockBase(b, start, count, full, rowCode, baseAcc, varBase);
                var blockNegatives = negatives.AsSpan(b * n, n);
                _signs.Negatives(b, full, blockValid, blockNegatives);
                for (var col = 0; col < n; col++)
                {
                    var neg = blockNegatives[col];
                    negativeRows[col] += neg;
                    signedValid[col] += validRows[b] - (2 * neg);
                }

                var diff = _cells.Diff[b];
                var diffSquares = _cells.DiffSquares?[b];

                for (var j = 0; j < planes; j++)
                {
                    baseAcc.CopyTo(acc, 0);
                    varBase?.CopyTo(varAcc!, 0);
                    for (var r = 0; r < count; r++)
                    {
                        var code = rowCode[start + r];
                        if (code < 0)
                        {
                            continue;
                        }

                        // A valid row conducts in every column whose weight equals its bit (the counters' matches).
                        var positives = positivesPerRow[start + r];
                        if (((code >> j) & 1) == 0)
                        {
                            matched += n - positives;
                            continue;
                        }

                        matched += positives;
                        RowSums.Add(acc, diff, r * n);
                        if (varAcc is not null)
                        {
                            RowSums.Add(varAcc, diffSquares!, r * n);
                        }
                    }

                    Convert(b, j, acc, varAcc, negatives, total, reads);
                }
            }

            var planeSpan = (double)((1L << planes) - 1);
            for (var col = 0; col < n; col++)
            {
                var dot = _divisor == 1 ? total[col] : (double)total[col] / _divisor;
                output[(col * pixels) + p] = (float)((scale * (dot - (negativeRows[col] * planeSpan))) + (constant * (double)signedValid[col]));
            }
        }

        var conversions = (long)pixels * n * blocks * planes;
        var shiftAdds = planes > 1 ? (long)pixels * n * blocks * (planes - 1) : 0;
        var partialAdds = (long)pixels * n * (blocks - 1);
        Counters.Add(readCount, conversions, rowsDriven, matched, shiftAdds, partialAdds, (long)pixels * n);
    }

    /// <summary>The count every column carries before the driven rows' differences: Σ_valid V (and its variance).</summary>
    private void BlockBase(int b, int start, int count, bool full, int[] rowCode, float[] baseAcc, float[]? varBase)
    {
        var n = _cells.Columns;
        if (full)
        {
            _cells.BaseSum[b].CopyTo(baseAcc, 0);
        }
        else
        {
            Array.Clear(baseAcc);
            for (var r = 0; r < count; r++)
            {
                if (rowCode[start + r] >= 0)
                {
                    RowSums.Add(baseAcc, _cells.Base[b], r * n);
                }
            }
        }

        if (varBase is not null)
        {
            Array.Clear(varBase);
            for (var r = 0; r < count; r++)
            {
                if (rowCode[start + r] >= 0)
                {
                    RowSums.Add(varBase, _cells.BaseSquares![b], r * n);
                }
            }
        }
    }

    /// <summary>
    /// Converts every column's count of block b, plane j, and adds factor_b·2^j·code to its total. The dot product is
    /// total / divisor: with Δ_b = FullScale_b/(2^bits − 1) every read code·Δ_b is a whole multiple of 1/(2^bits − 1),
    /// so the digital side sums exact integers and divides once (factor_b = FullScale_b and divisor 2^bits − 1;
    /// factor 2^bits − 1 for a block whose ADC is exact; both 1 when every block is exact).
    /// </summary>
    private void Convert(int b, int j, float[] acc, float[]? varAcc, int[] negatives, long[] total, Core.Randomness.SplitMix64? reads)
    {
        var n = _cells.Columns;
        var adc = _adc[b];
        var step = adc.Step;
        var fullScale = adc.FullScale;
        var top = (1 << adc.Bits) - 1;
        var noiseVariance = _models.Adc.NoiseSigmaLsb * _models.Adc.NoiseSigmaLsb;
        var readVariance = _models.ReadNoise.Sigma * _models.ReadNoise.Sigma;
        var factor = _factor[b] << j;
        var scales = _adcScale.AsSpan(b * n, n);
        var biases = _adcBias.AsSpan(b * n, n);
        var blockNegatives = negatives.AsSpan(b * n, n);
        var differential = _cells.Differential;
        var staticIdeal = !_models.Adc.HasStaticErrors;
        for (var col = 0; col < n; col++)
        {
            double count = acc[col];
            if (differential)
            {
                count += blockNegatives[col];
            }

            if (reads is null && staticIdeal)
            {
                var whole = (int)count;
                var code = whole == count && whole >= 0 && whole <= fullScale ? adc.Code(whole) : AdcErrorModel.Code(count, AdcInstance.Ideal, step, top, 0);
                total[col] += factor * code;
                continue;
            }

            // Read noise (σ_r·√ΣG² counts, scaled into LSB by the ADC's gain/Δ) and conversion noise (LSB) are
            // independent Gaussians, so the ADC sees one Gaussian of their combined σ. The code is
            // AdcErrorModel.Code with (1 + g)/Δ and o + ½ taken from the per-column tables.
            var gain = scales[col];
            var level = (count * gain) + biases[col];
            if (reads is not null)
            {
                var variance = (varAcc is null ? 0.0 : readVariance * Math.Max(0f, varAcc[col]) * gain * gain) + noiseVariance;
                level += Math.Sqrt(variance) * reads.NextGaussian();
            }

            var floor = Math.Floor(level);
            total[col] += factor * (floor <= 0 ? 0 : floor >= top ? top : (long)floor);
        }
    }
}
