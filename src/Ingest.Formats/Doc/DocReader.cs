using System.Globalization;
using Ingest.Formats.Docx;
using Ingest.Formats.Ocr;
using Ingest.Model;

namespace Ingest.Formats.Doc;

/// <summary>
/// Reads Word 97-2003 binary documents (.doc, OLE2 compound files) by converting them to DOCX
/// with LibreOffice headless and reading the result with <see cref="DocxReader"/>, so a .doc and
/// the same document saved as .docx give the same blocks. Every conversion runs in its own
/// temporary directory with its own LibreOffice profile: concurrent conversions that share a
/// profile block each other or fail.
/// </summary>
public sealed class DocReader : IDocumentReader
{
    /// <summary>Debian package that provides soffice without the GUI.</summary>
    public const string InstallHint = "install LibreOffice Writer (Debian/Ubuntu: apt-get install libreoffice-writer-nogui)";

    private readonly DocReaderOptions _options;

    /// <summary>Creates the reader with default options.</summary>
    public DocReader()
        : this(new DocReaderOptions())
    {
    }

    /// <summary>Creates the reader with the given options.</summary>
    public DocReader(DocReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public SourceFormat Format => SourceFormat.Doc;

    /// <inheritdoc />
    public ReadResult Read(SourceFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (IsEncryptedPackage(file.Content))
        {
            return ReadResult.Failed(Format, DiagnosticCodes.Encrypted, "The file is a password-protected Office document.");
        }

        var soffice = _options.SofficePath ?? ExternalProcess.FindOnPath("soffice") ?? ExternalProcess.FindOnPath("libreoffice");
        if (soffice is null || !File.Exists(soffice))
        {
            return ReadResult.Failed(Format, DiagnosticCodes.ConverterUnavailable,
                $"Reading .doc files needs LibreOffice, which was not found (soffice on PATH); {InstallHint}.");
        }

        var workDirectory = Path.Combine(Path.GetTempPath(), "ingest-doc-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(workDirectory);
            var profile = Path.Combine(workDirectory, "profile");
            var output = Path.Combine(workDirectory, "out");
            Directory.CreateDirectory(output);

            // A fixed ASCII name: archive names carry spaces and diacritics that some soffice builds mangle.
            var input = Path.Combine(workDirectory, "input.doc");
            File.WriteAllBytes(input, file.Content);
            string[] arguments =
            [
                "-env:UserInstallation=" + new Uri(profile).AbsoluteUri,
                "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",

                // Without a forced import filter LibreOffice opens a damaged file as plain text and
                // "converts" its bytes; with it, a file Word could not open fails here too.
                "--infilter=MS Word 97",
                "--convert-to", "docx:MS Word 2007 XML",
                "--outdir", output,
                input,
            ];
            var environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                // LibreOffice writes caches under HOME; keep them inside the private directory.
                ["HOME"] = workDirectory,
            };
            var outcome = ExternalProcess.Run(soffice, arguments, workDirectory, environment, _options.Timeout, cancellationToken);
            if (outcome is null)
            {
                return ReadResult.Failed(Format, DiagnosticCodes.ConverterUnavailable, $"LibreOffice ({soffice}) could not be started; {InstallHint}.");
            }

            if (outcome.TimedOut)
            {
                return ReadResult.Failed(Format, DiagnosticCodes.Timeout,
                    string.Create(CultureInfo.InvariantCulture, $"LibreOffice did not convert the file within {_options.Timeout.TotalSeconds:0} s."));
            }

            var converted = Path.Combine(output, "input.docx");
            if (!File.Exists(converted))
            {
                var reason = outcome.StandardError.Trim();
                return ReadResult.Failed(Format, DiagnosticCodes.Corrupt,
                    string.Create(CultureInfo.InvariantCulture, $"LibreOffice could not convert the file (exit code {outcome.ExitCode}){(reason.Length > 0 ? ": " + reason : ".")}"));
            }

            return DocxReader.ReadPackage(File.ReadAllBytes(converted), Format, cancellationToken);
        }
        catch (IOException ex)
        {
            return ReadResult.Failed(Format, DiagnosticCodes.Unreadable, $"The temporary conversion directory could not be used: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return ReadResult.Failed(Format, DiagnosticCodes.Unreadable, $"The temporary conversion directory could not be used: {ex.Message}");
        }
        finally
        {
            TryDelete(workDirectory);
        }
    }

    /// <summary>
    /// An encrypted DOCX/XLSX is an OLE2 file whose directory names the stream "EncryptedPackage"
    /// (MS-OFFCRYPTO 2.3.4.4); directory names are UTF-16LE.
    /// </summary>
    private static bool IsEncryptedPackage(byte[] content) =>
        content.AsSpan().IndexOf("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0"u8) >= 0;

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless; the read result is what matters.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}

/// <summary>Configuration of <see cref="DocReader"/>.</summary>
public sealed record DocReaderOptions
{
    /// <summary>Path of soffice; null looks for soffice or libreoffice on PATH.</summary>
    public string? SofficePath { get; init; }

    /// <summary>Time one conversion may take, profile creation included (the first run in a fresh profile takes a few seconds).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);
}
