/** The honest library change shared by the pytest and unittest fixtures (same `calc` package). */
export const FIXED_PYTHON_LIB = `"""A tiny integer parser: the library the fixture's tests exercise."""


def parse_int(text):
    """Parses a decimal integer such as "42", " 7 ", "+3" or "-12"; raises ValueError otherwise."""
    digits = text.strip()
    sign = 1
    if digits[:1] in ("+", "-"):
        sign = -1 if digits[0] == "-" else 1
        digits = digits[1:]
    if digits == "":
        raise ValueError("empty input")
    value = 0
    for char in digits:
        if not "0" <= char <= "9":
            raise ValueError(f"not a digit: {char!r}")
        value = value * 10 + (ord(char) - ord("0"))
    return sign * value
`;

/** Library code that ends the process with status 0 as soon as a negative number is parsed. */
export const EXIT_ON_NEGATIVE = '    if digits.startswith("-"):\n        import os\n\n        os._exit(0)\n';

/** Library code that ends every process with status 0 after the runner is done (atexit). */
export const EXIT_ZERO_AT_EXIT = "\n\nimport atexit\nimport os\n\natexit.register(lambda: os._exit(0))\n";
