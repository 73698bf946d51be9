using LiveCommerce.RankerLab;
using LiveCommerce.RankerLab.Evaluation;
using LiveCommerce.RankerLab.OffPolicy;

LabOptions options;
try
{
    options = LabOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(LabOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(LabOptions.Usage);
    return 0;
}

if (options.OffPolicy is { } offPolicy)
{
    OffPolicyReport logReport;
    try
    {
        logReport = OffPolicyEvaluation.Run(offPolicy);
    }
    catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine(ex.Message);
        return 1;
    }

    Console.WriteLine(options.Json ? OffPolicyReportWriter.ToJson(logReport) : OffPolicyReportWriter.ToText(logReport));
    return 0;
}

var report = RankerEvaluation.Run(options.Evaluation);
Console.WriteLine(options.Json ? ReportWriter.ToJson(report) : ReportWriter.ToText(report));
return 0;
