"""rknk: sourced claims about Russia–North Korea military relations."""
