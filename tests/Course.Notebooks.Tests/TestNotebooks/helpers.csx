// Loaded by features.ipynb with #load: relative to the notebook's folder.
static string Greet(string name) => $"Hello, {name}!";
