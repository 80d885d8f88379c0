namespace IcpScoring.Samples;

// A realistic slice of LinkedIn's industries; the first six are the sample ICP's (PRODUCT.md §8).
// Apollo labels are its lower-case V1 names, `&` included, as Apollo writes them.
internal static class Industries
{
    public static readonly Industry[] All =
    [
        new("Software Development", "computer software", true, 14, true, ["Software", "Labs", "Cloud", "Analytics", "Apps", "Systems"]),
        new("IT Services and IT Consulting", "information technology & services", true, 10, true, ["IT Solutions", "Consulting Group", "Digital", "Technologies", "Tech Services"]),
        new("Technology, Information and Internet", "internet", true, 6, true, ["Online", "Data", "Networks", "Interactive"]),
        new("Computer and Network Security", "computer & network security", true, 4, true, ["Security", "Cyber", "Shield"]),
        new("Marketing Services", "marketing & advertising", true, 6, true, ["Marketing", "Growth Partners", "Digital Agency", "Demand"]),
        new("Advertising Services", "marketing & advertising", true, 4, true, ["Media", "Creative", "Advertising", "Ad Studio"]),
        new("Financial Services", "financial services", false, 6, true, ["Capital", "Finance", "Payments", "Wealth"]),
        new("Banking", "banking", false, 3, true, ["Bank", "Savings Bank"]),
        new("Insurance", "insurance", false, 2, true, ["Insurance", "Assurance"]),
        new("Hospitals and Health Care", "hospital & health care", false, 5, false, ["Health", "Clinic", "Medical Center", "Care"]),
        new("Wellness and Fitness Services", "health, wellness & fitness", false, 2, true, ["Fitness", "Wellness", "Yoga"]),
        new("Higher Education", "higher education", false, 3, false, ["University", "Business School", "Institute"]),
        new("Primary and Secondary Education", "primary/secondary education", false, 2, false, ["Academy", "School"]),
        new("Retail", "retail", false, 4, true, ["Stores", "Market", "Outfitters"]),
        new("Retail Apparel and Fashion", "apparel & fashion", false, 2, true, ["Apparel", "Fashion", "Atelier"]),
        new("Staffing and Recruiting", "staffing & recruiting", false, 4, true, ["Talent", "Recruitment", "Staffing"]),
        new("Business Consulting and Services", "management consulting", false, 5, true, ["Consulting", "Advisors", "Partners"]),
        new("Human Resources Services", "human resources", false, 2, true, ["HR", "People Solutions"]),
        new("Construction", "construction", false, 2, true, ["Construction", "Builders"]),
        new("Real Estate", "real estate", false, 2, true, ["Properties", "Realty", "Estates"]),
        new("Motor Vehicle Manufacturing", "automotive", false, 2, true, ["Motors", "Automotive"]),
        new("Food and Beverage Services", "food & beverages", false, 2, true, ["Foods", "Beverages", "Kitchen"]),
        new("Hospitality", "hospitality", false, 2, true, ["Hotels", "Resorts"]),
        new("Transportation, Logistics, Supply Chain and Storage", "logistics & supply chain", false, 3, true, ["Logistics", "Freight", "Shipping"]),
        new("Telecommunications", "telecommunications", false, 2, true, ["Telecom", "Mobile", "Connect"]),
        new("Accounting", "accounting", false, 2, true, ["Accounting", "Tax & Audit"]),
        new("Medical Equipment Manufacturing", "medical devices", false, 2, true, ["Medical", "Devices", "Diagnostics"]),
        new("Non-profit Organizations", "nonprofit organization management", false, 1, false, ["Foundation", "Trust"]),
    ];

    public static readonly Industry[] Icp = [.. All.Where(i => i.IsIcp)];

    public static readonly Industry[] NonIcp = [.. All.Where(i => !i.IsIcp)];
}
