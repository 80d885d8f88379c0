namespace IcpScoring.Normalization;

// Unknown: no title. Other: a title whose function is not recognized.
internal enum JobFunction
{
    Unknown,
    Marketing,
    Sales,
    Engineering,
    Product,
    Data,
    Design,
    Operations,
    Finance,
    HumanResources,
    Legal,
    CustomerSuccess,
    Education,
    Healthcare,
    Consulting,
    Executive,
    Other,
}
