"""Luhn helpers for the corpus builder (card numbers are synthetic or the networks' published test numbers)."""
import random


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def complete(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + ''.join(str(rng.randrange(10)) for _ in range(length - len(prefix) - 1))
    for last in range(10):
        if luhn_ok(body + str(last)):
            return body + str(last)
    raise AssertionError('unreachable')


def broken(number: str) -> str:
    """The same number with its check digit off by one (a Luhn-failing look-alike)."""
    last = (int(number[-1]) + 1) % 10
    return number[:-1] + str(last)
