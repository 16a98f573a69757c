using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ingest.Output;

/// <summary>
/// Validates JSON against a JSON Schema (draft 2020-12) written with the keywords the published
/// record schema uses: type, enum, const, properties, required, additionalProperties, items,
/// minimum, maximum, minLength, pattern, oneOf and local $ref ("#/definitions/..."). Annotation
/// keywords (title, description, $schema, $id) are ignored. Any other keyword is refused when the
/// validator is built, so the schema cannot grow a rule that would silently go unchecked.
/// </summary>
/// <remarks>
/// Ingest's native build cannot use a reflection-based validator; this one reads the schema with
/// System.Text.Json only. The tests check that it agrees with NJsonSchema on every corpus record
/// and on damaged ones.
/// </remarks>
public sealed class SchemaValidator
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal) { "title", "description", "$schema", "$id", "definitions", "$defs" };

    private static readonly HashSet<string> Assertions = new(StringComparer.Ordinal)
    {
        "type", "enum", "const", "properties", "required", "additionalProperties", "items",
        "minimum", "maximum", "minLength", "pattern", "oneOf", "$ref",
    };

    private readonly JsonElement _root;
    private readonly ConcurrentDictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    /// <summary>Reads <paramref name="schemaText"/>; throws <see cref="NotSupportedException"/> for a keyword it does not implement.</summary>
    public SchemaValidator(string schemaText)
    {
        ArgumentNullException.ThrowIfNull(schemaText);
        using var document = JsonDocument.Parse(schemaText);
        _root = document.RootElement.Clone();
        CheckKeywords(_root, "#");
    }

    /// <summary>One message per violation ("#/documents/0/kind: enum"), sorted; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(json);
            Validate(document.RootElement, _root, "#", errors);
        }
        catch (JsonException exception)
        {
            errors.Add("#: not JSON (" + exception.Message + ")");
        }

        return errors.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static void CheckKeywords(JsonElement schema, string path)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Assertions.Contains(keyword.Name) && !Annotations.Contains(keyword.Name))
            {
                throw new NotSupportedException($"{path}: the schema keyword '{keyword.Name}' is not implemented by the validator.");
            }

            switch (keyword.Name)
            {
                case "properties" or "definitions" or "$defs":
                    foreach (var child in keyword.Value.EnumerateObject())
                    {
                        CheckKeywords(child.Value, $"{path}/{keyword.Name}/{child.Name}");
                    }

                    break;
                case "items" or "additionalProperties":
                    CheckKeywords(keyword.Value, $"{path}/{keyword.Name}");
                    break;
                case "oneOf":
                    var index = 0;
                    foreach (var option in keyword.Value.EnumerateArray())
                    {
                        CheckKeywords(option, string.Create(CultureInfo.InvariantCulture, $"{path}/oneOf/{index++}"));
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private void Validate(JsonElement instance, JsonElement schema, string path, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add(path + ": false");
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Validate(instance, Resolve(reference.GetString()!), path, errors);
        }

        if (schema.TryGetProperty("type", out var type) && !HasType(instance, type))
        {
            errors.Add(path + ": type");
            // The other keywords would only repeat the mismatch.
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(value => JsonElement.DeepEquals(value, instance)))
        {
            errors.Add(path + ": enum");
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, instance))
        {
            errors.Add(path + ": const");
        }

        switch (instance.ValueKind)
        {
            case JsonValueKind.Object:
                ValidateObject(instance, schema, path, errors);
                break;
            case JsonValueKind.Array when schema.TryGetProperty("items", out var items):
                var index = 0;
                foreach (var item in instance.EnumerateArray())
                {
                    Validate(item, items, string.Create(CultureInfo.InvariantCulture, $"{path}/{index++}"), errors);
                }

                break;
            case JsonValueKind.Number:
                var number = instance.GetDouble();
                if (schema.TryGetProperty("minimum", out var minimum) && number < minimum.GetDouble())
                {
                    errors.Add(path + ": minimum");
                }

                if (schema.TryGetProperty("maximum", out var maximum) && number > maximum.GetDouble())
                {
                    errors.Add(path + ": maximum");
                }

                break;
            case JsonValueKind.String:
                var text = instance.GetString()!;
                // JSON Schema counts characters as Unicode code points, not UTF-16 units.
                if (schema.TryGetProperty("minLength", out var minLength) && text.EnumerateRunes().Count() < minLength.GetInt32())
                {
                    errors.Add(path + ": minLength");
                }

                if (schema.TryGetProperty("pattern", out var pattern) && !Pattern(pattern.GetString()!).IsMatch(text))
                {
                    errors.Add(path + ": pattern");
                }

                break;
            default:
                break;
        }

        if (schema.TryGetProperty("oneOf", out var options))
        {
            var matches = options.EnumerateArray().Count(option =>
            {
                var optionErrors = new List<string>();
                Validate(instance, option, path, optionErrors);
                return optionErrors.Count == 0;
            });
            if (matches != 1)
            {
                errors.Add(path + ": oneOf");
            }
        }
    }

    private void ValidateObject(JsonElement instance, JsonElement schema, string path, List<string> errors)
    {
        var hasProperties = schema.TryGetProperty("properties", out var properties);
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray())
            {
                if (!instance.TryGetProperty(name.GetString()!, out _))
                {
                    errors.Add($"{path}/{name.GetString()}: required");
                }
            }
        }

        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in instance.EnumerateObject())
        {
            var propertyPath = path + "/" + property.Name;
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Validate(property.Value, propertySchema, propertyPath, errors);
            }
            else if (hasAdditional)
            {
                if (additional.ValueKind == JsonValueKind.False)
                {
                    errors.Add(propertyPath + ": additionalProperties");
                }
                else
                {
                    Validate(property.Value, additional, propertyPath, errors);
                }
            }
        }
    }

    private static bool HasType(JsonElement instance, JsonElement type)
    {
        if (type.ValueKind == JsonValueKind.Array)
        {
            return type.EnumerateArray().Any(t => HasType(instance, t));
        }

        return type.GetString() switch
        {
            "object" => instance.ValueKind == JsonValueKind.Object,
            "array" => instance.ValueKind == JsonValueKind.Array,
            "string" => instance.ValueKind == JsonValueKind.String,
            "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => instance.ValueKind == JsonValueKind.Null,
            "number" => instance.ValueKind == JsonValueKind.Number,
            // 1.0 is an integer in JSON Schema; 1.5 is not.
            "integer" => instance.ValueKind == JsonValueKind.Number && instance.TryGetDouble(out var value) && Math.Floor(value) == value,
            var other => throw new NotSupportedException("Unknown JSON Schema type: " + other),
        };
    }

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException("Only local references are supported: " + reference);
        }

        var target = _root;
        foreach (var token in reference[2..].Split('/'))
        {
            // JSON Pointer escapes: "~1" is "/" and "~0" is "~".
            target = target.GetProperty(token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return target;
    }

    // Patterns are unanchored searches, as in JSON Schema; the culture never matters.
    private Regex Pattern(string pattern) =>
        _patterns.GetOrAdd(pattern, static p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
}
