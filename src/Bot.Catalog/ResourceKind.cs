namespace Bot.Catalog;

public enum ResourceKind
{
    Book,
    Paper,
    Course,
    Talk,
    Video,
    Article,
    Blog,
    Tool,
    List,
}
