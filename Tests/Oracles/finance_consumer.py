#!/usr/bin/env python3
"""Finance's view of payouts, through an AMQP client that is not the project's own (pika).

Finance binds its own durable queue to the platform's topic exchange and must see every
payout exactly once *in effect*: it records payouts by `payoutId` (and checks the idempotency
key never changes), so a redelivered or re-published event changes nothing.

    finance_consumer.py declare --url AMQP_URL --queue NAME
        declare the queue and bind payout.released / payout.voided / payout.reversed /
        payout.youth_project_released (a youth NGO project's payment: no plan, no student)
    finance_consumer.py drain --url AMQP_URL --queue NAME [--idle 3] [--redeliver-first]
        consume until the queue stays idle, ack each message after recording it, print JSON:
        {"released": {"count", "total_cents", "ids"}, "voided": [...], "reversed": {...}, "youth": {...},
         "deliveries", "duplicates", "redelivered"}
        --redeliver-first: take the first message, do NOT ack it, reopen the channel (the
        broker redelivers it) – the way a finance consumer crash looks.
    finance_consumer.py delete --url AMQP_URL --queue NAME
"""
import argparse
import json
import sys
import time

import pika

EXCHANGE = "pumpurs.events"
KEYS = ("payout.released", "payout.voided", "payout.reversed", "payout.youth_project_released")


def connect(url):
    return pika.BlockingConnection(pika.URLParameters(url))


def declare(args):
    connection = connect(args.url)
    channel = connection.channel()
    channel.exchange_declare(EXCHANGE, exchange_type="topic", durable=True, passive=True)
    channel.queue_declare(args.queue, durable=True, arguments={"x-queue-type": "quorum"})
    for key in KEYS:
        channel.queue_bind(args.queue, EXCHANGE, routing_key=key)
    connection.close()
    print(json.dumps({"declared": args.queue, "keys": list(KEYS)}))


def drain(args):
    released, voided, reversed_, youth = {}, {}, {}, {}
    deliveries = duplicates = redelivered = 0
    connection = connect(args.url)
    channel = connection.channel()
    channel.basic_qos(prefetch_count=50)
    if args.redeliver_first:
        method, _props, _body = channel.basic_get(args.queue, auto_ack=False)
        if method is not None:
            channel.close()  # unacked: the broker puts it back
            channel = connection.channel()
            channel.basic_qos(prefetch_count=50)
    last = time.monotonic()
    while time.monotonic() - last < args.idle:
        method, props, body = channel.basic_get(args.queue, auto_ack=False)
        if method is None:
            time.sleep(0.2)
            continue
        last = time.monotonic()
        deliveries += 1
        if method.redelivered:
            redelivered += 1
        envelope = json.loads(body)
        data = envelope["data"]
        kind = envelope["type"]
        if kind != method.routing_key or (props.message_id or "").lower() != envelope["id"].lower():
            print(f"envelope and AMQP properties disagree: {kind} {method.routing_key}", file=sys.stderr)
            sys.exit(2)
        if args.plans and data.get("planId") and data["planId"].lower() not in args.plans:
            channel.basic_ack(method.delivery_tag)  # another test's plan
            continue
        book = {"payout.released": released, "payout.voided": voided, "payout.reversed": reversed_,
                "payout.youth_project_released": youth}[kind]
        pid = data["payoutId"]
        if pid in book:
            duplicates += 1
            if book[pid]["idempotencyKey"] != data["idempotencyKey"]:
                print(f"payout {pid} changed its idempotency key", file=sys.stderr)
                sys.exit(2)
        else:
            if kind in ("payout.released", "payout.youth_project_released"):
                if data["currency"] != "EUR" or not isinstance(data["amountCents"], int):
                    print(f"payout {pid}: not integer EUR cents", file=sys.stderr)
                    sys.exit(2)
            book[pid] = data
        channel.basic_ack(method.delivery_tag)  # after recording: finance's own "commit"
    connection.close()
    print(json.dumps({
        "released": {"count": len(released), "total_cents": sum(p["amountCents"] for p in released.values()),
                     "ids": sorted(released)},
        "voided": sorted(voided),
        "reversed": {"count": len(reversed_), "total_cents": sum(p["amountCents"] for p in reversed_.values()),
                     "ids": sorted(reversed_)},
        "youth": {"count": len(youth), "total_cents": sum(p["amountCents"] for p in youth.values()), "ids": sorted(youth)},
        "deliveries": deliveries, "duplicates": duplicates, "redelivered": redelivered,
    }))


def delete(args):
    connection = connect(args.url)
    connection.channel().queue_delete(args.queue)
    connection.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["declare", "drain", "delete"])
    parser.add_argument("--url", required=True)
    parser.add_argument("--queue", required=True)
    parser.add_argument("--idle", type=float, default=3.0)
    parser.add_argument("--redeliver-first", action="store_true")
    parser.add_argument("--plans", type=lambda text: {p.strip().lower() for p in text.split(",") if p.strip()}, default=None,
                        help="count only released payouts of these plan ids")
    args = parser.parse_args()
    {"declare": declare, "drain": drain, "delete": delete}[args.command](args)


if __name__ == "__main__":
    main()
