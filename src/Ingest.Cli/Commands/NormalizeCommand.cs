using System.CommandLine;
using Ingest.Normalize;
using Ingest.Vietnamese;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest normalize [FILE]</c>: the normaliser on its own, so anyone can see from a shell what it
/// does to a text (decoding, composition, tone style, OCR repair).
/// </summary>
internal static class NormalizeCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file")
        {
            Description = "Text file to normalise; standard input when omitted.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var tone = new Option<string>("--tone-style")
        {
            Description = "as-printed (default), canonical (hòa, ủy) or classic (hoà, uỷ).",
            DefaultValueFactory = _ => "as-printed",
        };
        tone.Validators.Add(result =>
        {
            if (!NormalizationOptions.TryParseToneStyle(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError("--tone-style must be as-printed, canonical or classic.");
            }
        });
        var encoding = new Option<string>("--encoding")
        {
            Description = "Source encoding: auto (default), utf-8, utf-16le, utf-16be, tcvn3, vni, viscii, windows-1258, windows-1252.",
            DefaultValueFactory = _ => "auto",
        };
        encoding.Validators.Add(result =>
        {
            if (!TextDecoder.TryParseEncoding(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError("--encoding is not a known encoding name.");
            }
        });
        var noRepair = new Option<bool>("--no-repair") { Description = "Do not repair OCR diacritic slips." };
        var command = new Command("normalize", "Print the normalised text of a file (or standard input).")
        {
            file, tone, encoding, noRepair,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            TextDecoder.TryParseEncoding(parse.GetValue(encoding), out var sourceEncoding);
            NormalizationOptions.TryParseToneStyle(parse.GetValue(tone), out var style);
            var input = parse.GetValue(file);
            byte[] bytes;
            if (input is null)
            {
                using var buffer = new MemoryStream();
                await Console.OpenStandardInput().CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                bytes = buffer.ToArray();
            }
            else if (input.Exists)
            {
                bytes = await File.ReadAllBytesAsync(input.FullName, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"ingest normalize: '{input.FullName}' does not exist.").ConfigureAwait(false);
                return ExitCodes.InvalidOptions;
            }

            var decoded = TextDecoder.Decode(bytes, sourceEncoding);
            var normalizer = new TextNormalizer(new NormalizationOptions
            {
                ToneStyle = style,
                RepairOcr = !parse.GetValue(noRepair),
                DecodeLegacyText = sourceEncoding == SourceEncoding.Auto,
            });
            await parse.InvocationConfiguration.Output.WriteAsync(normalizer.NormalizeText(decoded.Text)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
