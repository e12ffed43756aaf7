"""Demo traffic: realistic notification messages so a first window has something to show.

Bodies are JSON with Korean and English text, spread over a few destinations:

    /topic/notifications/user.<id>   per-user notifications (ids in USER_IDS)
    /queue/orders                    new orders, for a worker to consume
    /topic/alerts/<level>            operational alerts; level is info, warning or critical

The generator publishes through the broker's internal API (no socket). With a seed (and a
fixed clock) the sequence is deterministic, which the tests rely on.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from explorer.sandbox.errors import SandboxError
from explorer.sandbox.tasks import finish_cancelled

log = logging.getLogger(__name__)

USER_IDS: Final = (1001, 1002, 1003, 1004, 1005)
ALERT_LEVELS: Final = ("info", "warning", "critical")
ORDERS_QUEUE: Final = "/queue/orders"
CONTENT_TYPE: Final = "application/json;charset=utf-8"
DEMO_DESTINATIONS: Final = (
    *(f"/topic/notifications/user.{uid}" for uid in USER_IDS),
    ORDERS_QUEUE,
    *(f"/topic/alerts/{level}" for level in ALERT_LEVELS),
)
# The demo stops feeding a queue that nobody drains once it holds this many messages.
MAX_DEMO_QUEUE_DEPTH: Final = 200
MAX_RATE: Final = 1000.0

_NOTIFICATIONS: Final = (
    ("order.shipped", "주문이 발송되었습니다", "Your order has shipped"),
    ("order.delivered", "배송이 완료되었습니다", "Your order was delivered"),
    ("payment.completed", "결제가 완료되었습니다", "Your payment went through"),
    ("message.received", "새 메시지가 도착했습니다", "You have a new message"),
    ("coupon.issued", "쿠폰이 발급되었습니다", "A coupon was added to your account"),
    ("review.requested", "상품 후기를 남겨 주세요", "Tell us what you think of your purchase"),
)
_PRODUCTS: Final = (
    ("SKU-1042", "무선 이어폰", "Wireless earbuds", 129000),
    ("SKU-2210", "기계식 키보드", "Mechanical keyboard", 89000),
    ("SKU-3307", "보조 배터리", "Power bank", 32000),
    ("SKU-4415", "텀블러", "Tumbler", 18000),
    ("SKU-5521", "운동화", "Running shoes", 99000),
)
_ALERTS: Final = {
    "info": (
        ("정기 점검 안내", "Scheduled maintenance tonight at 02:00 KST"),
        ("새 버전이 배포되었습니다", "Version 2.4.1 was deployed"),
    ),
    "warning": (
        ("디스크 사용량 경고", "Disk usage above 85% on db-2"),
        ("응답 지연 감지", "p99 latency above 800 ms on api-gateway"),
    ),
    "critical": (
        ("결제 서비스 장애", "Payment gateway is not responding"),
        ("데이터베이스 연결 실패", "Primary database refused connections"),
    ),
}
_SENDERS: Final = ("김민준", "이서연", "박지호", "최수아", "Alex Kim", "Jamie Lee")


@dataclass(frozen=True, slots=True)
class DemoMessage:
    destination: str
    headers: tuple[tuple[str, str], ...]
    body: bytes


Publish = Callable[[str, bytes, Sequence[tuple[str, str]]], object]


class DemoTraffic:
    """Publishes demo messages at `rate` messages per second while running.

    `start()` and `await stop()` switch it at runtime; `rate` can change while it runs.
    """

    def __init__(
        self,
        publish: Publish,
        depth: Callable[[str], int] = lambda destination: 0,
        *,
        rate: float = 5.0,
        seed: int | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._publish = publish
        self._depth = depth
        self.rate = rate
        self._random = random.Random(seed)
        self._clock = clock
        self._order_number = 0
        self._task: asyncio.Task[None] | None = None
        self.published = 0

    @property
    def rate(self) -> float:
        return self._rate

    @rate.setter
    def rate(self, value: float) -> None:
        if not 0 < value <= MAX_RATE:
            raise ValueError(f"demo rate must be above 0 and at most {MAX_RATE:g} messages/s")
        self._rate = float(value)

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        """Start publishing (needs a running event loop); no-op when already running."""
        if not self.running:
            self._task = asyncio.create_task(self._run(), name="sandbox-demo")

    async def stop(self) -> None:
        """Stop publishing; no-op when stopped."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await finish_cancelled(task, "the demo generator")

    async def set_enabled(self, enabled: bool) -> None:
        if enabled:
            self.start()
        else:
            await self.stop()

    async def _run(self) -> None:
        while True:
            self.publish_one()
            await asyncio.sleep(1.0 / self._rate)

    def publish_one(self) -> DemoMessage | None:
        """Publish the next message; None when it was skipped (its queue is full enough)."""
        message = self.next_message()
        if message.destination.startswith("/queue/") and (
            self._depth(message.destination) >= MAX_DEMO_QUEUE_DEPTH
        ):
            return None
        try:
            self._publish(message.destination, message.body, message.headers)
        except SandboxError as exc:
            log.debug("demo message to %s skipped: %s", message.destination, exc)
            return None
        self.published += 1
        return message

    # -- content -------------------------------------------------------------------------

    def next_message(self) -> DemoMessage:
        """The next message of the sequence (deterministic for a given seed and clock)."""
        roll = self._random.random()
        if roll < 0.6:
            return self._notification()
        if roll < 0.85:
            return self._order()
        return self._alert()

    def _notification(self) -> DemoMessage:
        rng = self._random
        user_id = rng.choice(USER_IDS)
        kind, title, text = rng.choice(_NOTIFICATIONS)
        body: dict[str, Any] = {
            "type": kind,
            "userId": user_id,
            "title": title,
            "message": text,
        }
        if kind.startswith("order."):
            body["orderId"] = self._order_id(rng.randint(1, 999))
        elif kind == "payment.completed":
            body["amount"] = rng.choice(_PRODUCTS)[3]
            body["currency"] = "KRW"
        elif kind == "message.received":
            body["from"] = rng.choice(_SENDERS)
        elif kind == "coupon.issued":
            body["discountPercent"] = rng.choice((5, 10, 15, 20))
        return self._make(f"/topic/notifications/user.{user_id}", kind, body)

    def _order(self) -> DemoMessage:
        rng = self._random
        self._order_number += 1
        items: list[dict[str, Any]] = []
        total = 0
        for sku, name_ko, name_en, price in rng.sample(_PRODUCTS, rng.randint(1, 3)):
            quantity = rng.randint(1, 3)
            total += quantity * price
            items.append(
                {"sku": sku, "name": name_ko, "nameEn": name_en, "qty": quantity, "price": price}
            )
        body = {
            "type": "order.created",
            "orderId": self._order_id(self._order_number),
            "userId": rng.choice(USER_IDS),
            "title": "새 주문이 접수되었습니다",
            "message": "A new order was placed",
            "items": items,
            "total": total,
            "currency": "KRW",
        }
        return self._make(ORDERS_QUEUE, "order.created", body)

    def _alert(self) -> DemoMessage:
        rng = self._random
        level = rng.choices(ALERT_LEVELS, weights=(6, 3, 1))[0]
        title, text = rng.choice(_ALERTS[level])
        body = {
            "type": f"alert.{level}",
            "level": level,
            "title": title,
            "message": text,
            "host": rng.choice(("api-1", "api-2", "db-2", "worker-3")),
        }
        return self._make(f"/topic/alerts/{level}", f"alert.{level}", body)

    def _order_id(self, number: int) -> str:
        year = datetime.fromtimestamp(self._clock(), UTC).year
        return f"ORD-{year}-{number:06d}"

    def _make(self, destination: str, kind: str, body: dict[str, Any]) -> DemoMessage:
        body["timestamp"] = (
            datetime.fromtimestamp(self._clock(), UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z")
        )
        trace_id = f"{self._random.getrandbits(64):016x}"
        headers = (
            ("content-type", CONTENT_TYPE),
            ("x-trace-id", trace_id),
            ("x-event-type", kind),
            ("x-source", "stomp-explorer-sandbox-demo"),
        )
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return DemoMessage(destination, headers, data)
