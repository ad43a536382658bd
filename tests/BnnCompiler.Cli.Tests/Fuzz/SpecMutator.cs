using System.Text;

namespace BnnCompiler.Cli.Tests.Fuzz;

/// <summary>Seeded damage to a valid hardware spec's YAML text, one <see cref="SpecMutation"/> at a time.</summary>
public static class SpecMutator
{
    private static readonly string[] Huge = ["1e308", "1e999", "99999999999999999999999", "9223372036854775808", "0x7FFFFFFFFFFFFFFF", "2147483648"];
    private static readonly string[] Negative = ["-1", "-0", "-1e308", "-2147483649", "-.5"];
    private static readonly string[] NonFinite = [".nan", ".inf", "-.inf", "NaN", "Infinity", ".NaN"];
    private static readonly string[] WrongTypes = ["[1, 2]", "{a: 1}", "yes", "\"12\"", "!!binary AAAA", "~", "&x 3", "*nowhere", "'unterminated"];

    public static string Mutate(string seed, SpecMutation mutation, Random rng)
    {
        var lines = seed.Split('\n').ToList();
        var valueLines = Enumerable.Range(0, lines.Count).Where(i => lines[i].TrimEnd().Contains(": ") && !lines[i].TrimStart().StartsWith('#')).ToList();
        int Line() => valueLines[rng.Next(valueLines.Count)];
        string WithValue(int i, string value) => lines[i][..(lines[i].IndexOf(": ", StringComparison.Ordinal) + 2)] + value;
        switch (mutation)
        {
            case SpecMutation.Truncate:
                return seed[..rng.Next(0, seed.Length)];
            case SpecMutation.ByteFlip:
                var chars = seed.ToCharArray();
                for (var k = rng.Next(1, 9); k > 0; k--)
                {
                    chars[rng.Next(chars.Length)] = (char)rng.Next(1, 256);
                }

                return new string(chars);
            case SpecMutation.DeepNesting:
                var depth = Pick(rng, new[] { 33, 1000, 100_000 });
                var nested = rng.Next(2) == 0
                    ? new string('[', depth) + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth);
                var at = Line();
                lines[at] = WithValue(at, nested);
                break;
            case SpecMutation.HugeNumber:
                var h = Line();
                lines[h] = WithValue(h, Pick(rng, Huge));
                break;
            case SpecMutation.NegativeNumber:
                var n = Line();
                lines[n] = WithValue(n, Pick(rng, Negative));
                break;
            case SpecMutation.NonFinite:
                var f = Line();
                lines[f] = WithValue(f, Pick(rng, NonFinite));
                break;
            case SpecMutation.DuplicateKey:
                var d = Line();
                lines.Insert(d + 1, lines[d]);
                break;
            case SpecMutation.UnknownKey:
                var u = Line();
                var indent = lines[u].Length - lines[u].TrimStart().Length;
                lines.Insert(u + 1, new string(' ', indent) + "adc_bitz: 4");
                break;
            case SpecMutation.WrongType:
                var w = Line();
                lines[w] = WithValue(w, Pick(rng, WrongTypes));
                break;
            case SpecMutation.MultipleDocuments:
                return seed + "\n---\n" + seed;
            case SpecMutation.Tabs:
                var t = Line();
                lines[t] = "\t" + lines[t];
                break;
            case SpecMutation.AliasChain:
                var sb = new StringBuilder(seed).Append("\nx0: &x0 [1, 2, 3]\n");
                for (var i = 1; i < 30; i++)
                {
                    sb.Append($"x{i}: &x{i} [*x{i - 1}, *x{i - 1}, *x{i - 1}, *x{i - 1}]\n");
                }

                return sb.ToString();
            case SpecMutation.Oversize:
                return seed + "\n# " + new string('x', 1_100_000) + "\n";
            case SpecMutation.Garbage:
                var bytes = new byte[rng.Next(1, 400)];
                rng.NextBytes(bytes);
                return Encoding.Latin1.GetString(bytes);
            case SpecMutation.EmptyValue:
                var e = Line();
                lines[e] = WithValue(e, string.Empty);
                break;
        }

        return string.Join('\n', lines);
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
