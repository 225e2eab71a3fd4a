"""Shard leasing for Lighthouse checkers."""
import time
from dataclasses import dataclass

LEASE_SECONDS = 30
RENEW_EVERY = 10


@dataclass
class Lease:
    shard: int
    owner: str
    expires_at: float


class Scheduler:
    def __init__(self, store, shard_count: int):
        self.store = store
        self.shard_count = shard_count

    def acquire(self, owner: str) -> list[Lease]:
        """Take every shard whose lease has expired; returns the leases now held by owner."""
        now = time.time()
        held = []
        for shard in range(self.shard_count):
            lease = self.store.get(shard)
            if lease is None or lease.expires_at < now or lease.owner == owner:
                lease = Lease(shard, owner, now + LEASE_SECONDS)
                if self.store.compare_and_set(shard, lease):
                    held.append(lease)
        return held

    def renew(self, leases: list[Lease]) -> list[Lease]:
        now = time.time()
        kept = []
        for lease in leases:
            renewed = Lease(lease.shard, lease.owner, now + LEASE_SECONDS)
            if self.store.compare_and_set(lease.shard, renewed, expected_owner=lease.owner):
                kept.append(renewed)
            else:
                print(f"lease lost: shard {lease.shard}")
        return kept
