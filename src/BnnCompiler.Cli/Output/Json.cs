using System.Text.Json;
using System.Text.Json.Serialization;

namespace BnnCompiler.Cli.Output;

/// <summary>JSON settings for every report: snake_case keys, indented, invariant numbers.</summary>
public static class Json
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
