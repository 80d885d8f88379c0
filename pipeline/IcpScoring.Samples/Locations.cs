namespace IcpScoring.Samples;

internal static class Locations
{
    public static readonly Location[] All =
    [
        new("San Francisco", "California", "United States"), new("Austin", "Texas", "United States"),
        new("New York", "New York", "United States"), new("Boston", "Massachusetts", "United States"),
        new("London", "England", "United Kingdom"), new("Manchester", "England", "United Kingdom"),
        new("Berlin", "Berlin", "Germany"), new("Munich", "Bavaria", "Germany"),
        new("Paris", "Île-de-France", "France"), new("Lyon", "Auvergne-Rhône-Alpes", "France"),
        new("Madrid", "Community of Madrid", "Spain"), new("Barcelona", "Catalonia", "Spain"),
        new("Milan", "Lombardy", "Italy"), new("São Paulo", "São Paulo", "Brazil"),
        new("Lisbon", "Lisbon", "Portugal"), new("Bengaluru", "Karnataka", "India"),
        new("Toronto", "Ontario", "Canada"), new("Sydney", "New South Wales", "Australia"),
        new("Zagreb", "City of Zagreb", "Croatia"), new("Dublin", "County Dublin", "Ireland"),
        new("Amsterdam", "North Holland", "Netherlands"), new("Stockholm", "Stockholm County", "Sweden"),
        new("Mexico City", "Mexico City", "Mexico"), new("Zürich", "Zurich", "Switzerland"),
    ];
}
