using System.Globalization;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Hardware;

namespace BnnCompiler.Isa.Text;

/// <summary>
/// The <c>key=value</c> operands of one line. Each accessor reports a missing key or a bad value as a diagnostic at
/// the operand's line and column and returns a placeholder, so that one pass finds every problem;
/// <see cref="ReportUnused"/> then flags operands the line does not take.
/// </summary>
internal sealed class FieldSet
{
    private readonly Dictionary<string, Token> _values = [];
    private readonly HashSet<string> _used = [];
    private readonly string _file;
    private readonly int _line;
    private readonly string _what;
    private readonly DiagnosticBag _bag;

    public FieldSet(string file, int line, string what, IEnumerable<Token> tokens, DiagnosticBag bag)
    {
        (_file, _line, _what, _bag) = (file, line, what, bag);
        foreach (var token in tokens)
        {
            var eq = token.Text.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                Error(IsaCodes.Syntax, token.Column, $"expected key=value, got '{token.Text}'");
                continue;
            }

            var key = token.Text[..eq];
            if (!_values.TryAdd(key, new Token(token.Text[(eq + 1)..], token.Column + eq + 1)))
            {
                Error(IsaCodes.Operand, token.Column, $"operand {key} given twice");
            }
        }
    }

    public int Int(string key, int min = 0) => (int)Long(key, min, int.MaxValue);

    public long Long(string key, long min = 0, long max = long.MaxValue)
    {
        if (Get(key) is not { } token)
        {
            return min;
        }

        if (!long.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(IsaCodes.Value, token.Column, $"{key} must be an integer {(max == long.MaxValue ? $"≥ {min}" : $"from {min} to {max}")}; got '{token.Text}'");
            return min;
        }

        return value;
    }

    public double PositiveDouble(string key)
    {
        if (Get(key) is not { } token)
        {
            return 1;
        }

        if (!double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0) || double.IsInfinity(value))
        {
            Error(IsaCodes.Value, token.Column, $"{key} must be a positive number; got '{token.Text}'");
            return 1;
        }

        return value;
    }

    public string String(string key) => Get(key)?.Text ?? string.Empty;

    public string? OptionalString(string key) => Has(key) ? String(key) : null;

    public bool Has(string key)
    {
        _used.Add(key);
        return _values.ContainsKey(key);
    }

    public T Enum<T>(string key) where T : struct, System.Enum
    {
        if (Get(key) is not { } token)
        {
            return default;
        }

        if (!TextNames.TryEnum<T>(token.Text, out var value))
        {
            Error(IsaCodes.Value, token.Column, $"{key} must be one of {TextNames.Choices<T>()}; got '{token.Text}'");
        }

        return value;
    }

    /// <summary>A tile id, or <c>chip</c> for <see cref="Instruction.Chip"/>.</summary>
    public int Tile(string key)
    {
        if (Get(key) is not { } token)
        {
            return 0;
        }

        if (token.Text == "chip")
        {
            return Instruction.Chip;
        }

        if (!int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var tile))
        {
            Error(IsaCodes.Value, token.Column, $"{key} must be a tile id or chip; got '{token.Text}'");
        }

        return tile;
    }

    public GridSpec Grid(string key)
    {
        if (Get(key) is not { } token)
        {
            return new GridSpec(1, 1);
        }

        var parts = token.Text.Split('x');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rows)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var columns) || rows < 1 || columns < 1)
        {
            Error(IsaCodes.Value, token.Column, $"{key} must be ROWSxCOLUMNS with positive sizes, e.g. 2x2; got '{token.Text}'");
            return new GridSpec(1, 1);
        }

        return new GridSpec(rows, columns);
    }

    /// <summary>A comma-separated list of non-negative integers (any integers when <paramref name="signed"/>); absent means
    /// empty when <paramref name="required"/> is false.</summary>
    public ValueList<int> IntList(string key, bool required = true, bool signed = false)
    {
        if (!required && !Has(key))
        {
            return ValueList<int>.Empty;
        }

        if (Get(key) is not { } token)
        {
            return ValueList<int>.Empty;
        }

        var values = new List<int>();
        foreach (var part in token.Text.Split(','))
        {
            if (!int.TryParse(part, signed ? NumberStyles.AllowLeadingSign : NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                Error(IsaCodes.Value, token.Column, $"{key} must be a comma-separated list of {(signed ? string.Empty : "non-negative ")}integers; got '{token.Text}'");
                return ValueList<int>.Empty;
            }

            values.Add(value);
        }

        return values.ToValueList();
    }

    /// <summary>The column of an operand's value (for later structural checks), or 1 when absent.</summary>
    public int ColumnOf(string key) => _values.TryGetValue(key, out var token) ? token.Column : 1;

    public void ReportUnused()
    {
        foreach (var (key, token) in _values.Where(kv => !_used.Contains(kv.Key)))
        {
            Error(IsaCodes.Operand, Math.Max(1, token.Column - key.Length - 1), $"{_what} takes no operand {key}; it takes {string.Join(", ", _used.Order())}");
        }
    }

    public void Error(string code, int column, string message) =>
        _bag.Error(code, message, new SourceLocation(_file, _line, column));

    private Token? Get(string key)
    {
        _used.Add(key);
        if (_values.TryGetValue(key, out var token))
        {
            return token;
        }

        Error(IsaCodes.Operand, 1, $"{_what} needs operand {key}");
        return null;
    }
}
