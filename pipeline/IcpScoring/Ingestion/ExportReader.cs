using System.Text;
using CsvHelper;

namespace IcpScoring.Ingestion;

/// <summary>
/// Reads one export, streaming: finds its encoding, preamble and header, then yields each data row
/// by role. Rows that cannot be read are rejected into the <see cref="IngestReport"/> with their
/// physical line and reason; the caller accounts for every row it is given (accepted or duplicate).
/// </summary>
internal sealed class ExportReader : IDisposable
{
    private readonly ExportSource _source;
    private readonly CsvReaderOptions _linesAgain;
    private readonly Stack<(CsvReader Csv, long LineOffset)> _suspended = new();
    private readonly HeaderLocation _header;
    private readonly IngestionOptions _options;
    private readonly ExportKind _kind;
    private readonly bool _crlf;
    private readonly ConnectedOnParser _dates = new();
    private readonly long[] _styles = new long[Enum.GetValues<DateStyle>().Length];
    private readonly int _namedColumns;
    private CsvMalformedRecord? _malformed;

    // Records come from the file's reader, or from one that reads again the lines a broken quote swallowed.
    private CsvReader _csv;
    private long _lineOffset;

    private ExportReader(ExportSource source, Stream utf8, byte[] head, int headLength, HeaderLocation header, IngestReport report, IngestionOptions options, ExportKind kind)
    {
        _kind = kind;
        _source = source;
        _header = header;
        _options = options;
        Report = report;
        _namedColumns = header.Layout.Header.Count;
        while (_namedColumns > 0 && header.Layout.Header[_namedColumns - 1].Length == 0)
        {
            _namedColumns--;
        }

        _crlf = head.AsSpan(header.ByteOffset, headLength - header.ByteOffset).IndexOf("\r\n"u8) >= 0;
        var csvOptions = new CsvReaderOptions
        {
            Separator = header.Separator,
            HasHeader = true,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            DetectSeparatorHint = false,
            IncludeValuesInExceptions = false,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MaxRecordSize = options.MaxRecordBytes,
            OnMalformedRecord = m => _malformed = m,
        };
        _csv = CsvReader.Create(new PrefixedStream(head, header.ByteOffset, headLength - header.ByteOffset, utf8), csvOptions, leaveOpen: false);
        _lineOffset = header.Line - 1;
        _linesAgain = csvOptions with { HasHeader = false };
    }

    public IngestReport Report { get; }

    public ColumnLayout Layout => _header.Layout;

    /// <summary>Opens an export; throws <see cref="UnreadableExportException"/> for anything that is not one.</summary>
    public static ExportReader Open(string path, IngestionOptions options, ColumnAliases aliases, ExportKind kind = ExportKind.Connections)
    {
        var source = ExportSource.Open(path, options);
        try
        {
            var (utf8, encoding) = TextDecoder.Open(source.Stream, source.Name);
            var head = new byte[TextDecoder.HeadBytes];
            var n = utf8.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);

            // A transcoded UTF-16 file keeps its byte order mark as a character.
            var skip = head.AsSpan(0, n).StartsWith("\uFEFF"u8) ? 3 : 0;
            (n, var blankLines) = SkipBlankLines(utf8, head, n, skip);
            var header = HeaderLocator.Find(head.AsSpan(skip, n - skip), complete: n < head.Length, aliases, kind, source.Name, blankLines);
            header = header with { ByteOffset = header.ByteOffset + skip };
            var report = new IngestReport(source.Name, options.MaxRejectsListed)
            {
                Encoding = encoding,
                HeaderLine = header.Line,
                DegreeColumn = header.Layout.Has(ColumnRole.ConnectionDegree) ? header.Layout.Header[header.Layout.Columns(ColumnRole.ConnectionDegree)[0]] : null,
                LinkedInExport = header.Layout.Kind == SourceKind.LinkedIn,
            };
            return new ExportReader(source, utf8, head, n, header, report, options, kind);
        }
        catch (DecoderFallbackException e)
        {
            source.Dispose();
            throw new UnreadableExportException(source.Name, "is not valid text in its encoding", e);
        }
        catch (InvalidDataException e)
        {
            source.Dispose();
            throw new UnreadableExportException(source.Name, "is damaged: the zip entry cannot be inflated; download the export again", e);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    // Blank lines before the header (a million of them, in one file seen) are passed over as they
    // stream, so the head that the header is looked for in starts with text; returns the bytes now in
    // the head (from skip on) and how many lines were passed over.
    private static (int Length, int Lines) SkipBlankLines(Stream utf8, byte[] head, int n, int skip)
    {
        var lines = 0;
        var cr = false;
        while (true)
        {
            var i = skip;
            for (; i < n && head[i] is (byte)'\r' or (byte)'\n'; i++)
            {
                // CR LF is one line break, a lone CR (old Mac) or LF another.
                lines += head[i] == '\n' ? (cr ? 0 : 1) : 1;
                cr = head[i] == '\r';
            }

            if (i == skip)
            {
                return (n, lines);
            }

            var rest = n - i;
            head.AsSpan(i, rest).CopyTo(head.AsSpan(skip));
            var more = utf8.ReadAtLeast(head.AsSpan(skip + rest), head.Length - skip - rest, throwOnEndOfStream: false);
            n = skip + rest + more;
            if (n == skip)
            {
                return (n, lines);
            }
        }
    }

    /// <summary>The data rows that could be read; call once.</summary>
    public IEnumerable<ExportRow> Rows(CancellationToken cancellationToken = default)
    {
        var columns = _header.Layout.Header.Count;
        while (Next())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = _lineOffset + _csv.LineNumber;
            if (ReadLinesAgain(line))
            {
                continue;
            }

            var problem = Check(columns);
            if (problem is not null)
            {
                Report.Reject(line, problem);
                continue;
            }

            var row = Extract(line, out problem);
            if (problem is not null)
            {
                Report.Reject(line, problem);
                continue;
            }

            yield return row!;
        }

        Report.Format = FormatName();
    }

    /// <summary>
    /// The fields of the row <see cref="Rows"/> has just handed out, as the file wrote them (for tools
    /// that copy every input column, such as <c>icp score</c>); read it before moving on.
    /// </summary>
    public string[] CurrentFields()
    {
        var fields = new string[_csv.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = _csv.GetString(i);
        }

        return fields;
    }

    public void Dispose()
    {
        _csv.Dispose();
        while (_suspended.TryPop(out var outer))
        {
            outer.Csv.Dispose();
        }

        _source.Dispose();
    }

    private bool Next()
    {
        while (!Read())
        {
            if (!_suspended.TryPop(out var outer))
            {
                return false;
            }

            _csv.Dispose();
            (_csv, _lineOffset) = outer;
        }

        return true;
    }

    // A quote that opens a field and never closes where it should swallows the line breaks after it,
    // and with them the rows that follow (to the end of the file, for a quote that never closes at
    // all). Rather than lose them in one reject, the record's first line is rejected and the lines
    // after it are read again as rows, with their own line numbers.
    private bool ReadLinesAgain(long line)
    {
        if (_malformed is not { Reason: CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.TextAfterClosingQuote } m)
        {
            return false;
        }

        var raw = _csv.RawRecord;
        var lineBreak = raw.IndexOfAny((byte)'\r', (byte)'\n');
        if (lineBreak < 0)
        {
            return false;
        }

        var rest = lineBreak + (raw[lineBreak] == '\r' && lineBreak + 1 < raw.Length && raw[lineBreak + 1] == '\n' ? 2 : 1);
        Report.Reject(line, m.Reason == CsvMalformedReason.UnterminatedQuote
            ? "unterminated quote: a quote opened on this line never closes; the lines after it are read again as rows"
            : "text after a closing quote, the quote opened on this line closing on a later one; the lines after it are read again as rows");
        var again = CsvReader.Create(raw[rest..].ToArray(), _linesAgain);
        _suspended.Push((_csv, _lineOffset));
        _csv = again;
        _lineOffset = line;
        return true;
    }

    private bool Read()
    {
        _malformed = null;
        try
        {
            return _csv.Read();
        }
        catch (CsvFormatException e)
        {
            // Only a record too large to buffer gets here: the rest of the file cannot be read safely.
            var line = _lineOffset + e.LineNumber;
            throw new UnreadableExportException(_source.Name, $"line {line}: a record larger than {_options.MaxRecordBytes:N0} bytes (Ingestion:MaxRecordBytes), usually an unclosed quote; fix or split the file", e);
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            throw new UnreadableExportException(_source.Name, $"could not be read to its end ({e.Message})", e);
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableExportException(_source.Name, "is damaged: the zip entry cannot be inflated", e);
        }
    }

    // Why the current record cannot be a row, or null.
    private string? Check(int columns)
    {
        if (_malformed is { } m && m.Reason != CsvMalformedReason.StrayQuote)
        {
            return m.Reason switch
            {
                CsvMalformedReason.UnterminatedQuote => "unterminated quote: the quoted field never closes",
                CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
                CsvMalformedReason.LineBreakInQuotes => "line break inside quotes",
                _ => $"malformed quoting ({m.Reason})",
            };
        }

        // Bytes that are not text say more about a row than its field count (a NUL-padded tail is one field).
        var count = _csv.FieldCount;
        for (var i = 0; i < count; i++)
        {
            var span = _csv.GetSpan(i);
            if (span.Contains((byte)0))
            {
                return $"NUL byte in column {i + 1}";
            }

            if (!System.Text.Unicode.Utf8.IsValid(span))
            {
                return $"invalid UTF-8 in column {i + 1}";
            }
        }

        if (count == 1 && _csv.GetSpan(0).Trim(" \t"u8).IsEmpty)
        {
            return "blank row: only spaces or tabs";
        }

        // Columns without a name after the last named one (a spreadsheet's padding) may be left out.
        if (count < _namedColumns)
        {
            return $"too few fields ({count} of {_namedColumns}); the row may be cut short";
        }

        for (var i = 0; i < count; i++)
        {
            var span = _csv.GetSpan(i);
            if (i >= columns && !span.Trim(" \t"u8).IsEmpty)
            {
                return $"too many fields ({count}, the header has {columns}); an unquoted comma?";
            }

            if (span.Length > _options.MaxFieldChars && Encoding.UTF8.GetCharCount(span) > _options.MaxFieldChars)
            {
                return $"oversized field in column {i + 1} ({Encoding.UTF8.GetCharCount(span):N0} characters, limit {_options.MaxFieldChars:N0})";
            }
        }

        if (IsHeaderAgain())
        {
            return "the header repeated as a data row";
        }

        return null;
    }

    private bool IsHeaderAgain()
    {
        var header = _header.Layout.Header;
        for (var i = 0; i < header.Count; i++)
        {
            var field = i < _csv.FieldCount ? _csv.GetString(i).Trim() : "";
            if (!string.Equals(field, header[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private ExportRow? Extract(long line, out string? problem)
    {
        problem = null;
        var connectedText = Get(ColumnRole.ConnectedOn);
        DateOnly? connectedOn = null;
        if (connectedText.Length > 0)
        {
            if (!_dates.TryParse(connectedText, out var date, out var style))
            {
                problem = "unparseable Connected On date";
                return null;
            }

            connectedOn = date;
            _styles[(int)style]++;
        }

        var degree = ConnectionDegree.Unknown;
        if (_kind == ExportKind.Connections && !ConnectionDegrees.TryParse(Get(ColumnRole.ConnectionDegree), out degree))
        {
            problem = "unrecognised connection degree (expected 1st, 2nd, 3rd, 3rd+, 1, 2, 3 or Out of network)";
            return null;
        }

        var row = new ExportRow(
            line,
            Get(ColumnRole.Account),
            Get(ColumnRole.FirstName),
            Get(ColumnRole.LastName),
            Get(ColumnRole.FullName),
            Get(ColumnRole.Email),
            Get(ColumnRole.ProfileUrl),
            Get(ColumnRole.Company),
            Get(ColumnRole.Title),
            Get(ColumnRole.Industry),
            Get(ColumnRole.CompanySize),
            connectedOn,
            Get(ColumnRole.Label),
            degree);

        if (_kind == ExportKind.LabeledProspects
            ? row is { Title: "", Industry: "", CompanySize: "", Label: "" }
            : !connectedOn.HasValue && row is { FirstName: "", LastName: "", FullName: "", Email: "", ProfileUrl: "", Company: "", Title: "" })
        {
            problem = _kind == ExportKind.LabeledProspects ? "blank row: no title, industry, size or label" : "blank row: no name, profile, company, title or date";
            return null;
        }

        return row;
    }

    private string Get(ColumnRole role)
    {
        foreach (var column in _header.Layout.Columns(role))
        {
            if (column < _csv.FieldCount)
            {
                var span = _csv.GetSpan(column).Trim(" \t"u8);
                if (!span.IsEmpty)
                {
                    return _csv.GetString(column).Trim();
                }
            }
        }

        return "";
    }

    private string FormatName()
    {
        var layout = _header.Layout;
        var name = layout.Kind switch
        {
            SourceKind.Apollo => "apollo",
            SourceKind.SalesNavigator => "sales-navigator",
            SourceKind.Phantombuster => "phantombuster",
            SourceKind.Custom => "custom",
            _ => LinkedInEra(),
        };

        if (layout.Kind == SourceKind.LinkedIn
            && (layout.Has(ColumnRole.Industry) || layout.Has(ColumnRole.CompanySize) || layout.Has(ColumnRole.Account)))
        {
            name += "-enriched";
        }

        var excel = Report.Encoding == "utf-8-bom" || _crlf || _styles[(int)DateStyle.ExcelDayMonthYear] > 0;
        return layout.Kind == SourceKind.LinkedIn && excel ? name + "-excel" : name;
    }

    private string LinkedInEra()
    {
        if (_header.Layout.HasLinkedInUrl)
        {
            return "linkedin-2023";
        }

        if (_header.HadPreamble)
        {
            return "linkedin-2022";
        }

        return _styles[(int)DateStyle.UsDateTime] > _styles[(int)DateStyle.DayMonthYear] + _styles[(int)DateStyle.ExcelDayMonthYear]
            ? "linkedin-2018"
            : "linkedin-2020";
    }
}
