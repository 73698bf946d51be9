using LiveCommerce.RankerLab;
using LiveCommerce.RankerLab.Evaluation;

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

var report = RankerEvaluation.Run(options.Evaluation);
Console.WriteLine(options.Json ? ReportWriter.ToJson(report) : ReportWriter.ToText(report));
return 0;
