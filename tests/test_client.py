import json

import httpx
import pytest
from pydantic import BaseModel, Field
from tenacity import wait_none

from extractor.engine.client import LLM, Usage
from extractor.engine.server import free_port
from extractor.errors import EndpointError, ModelOutputError, ReleaseError

BASE_URL = "http://llm.test/v1"
MESSAGES = [{"role": "system", "content": "Extract."}, {"role": "user", "content": "Polepharma compte 445+ membres."}]


class Members(BaseModel):
    cluster: str
    members: int = Field(ge=0)


def completion(arguments: str, *, prompt_tokens: int = 100, completion_tokens: int = 10, finish_reason: str = "tool_calls") -> dict:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1700000000,
        "model": "qwen",
        "choices": [{
            "index": 0,
            "finish_reason": finish_reason,
            "message": {
                "role": "assistant",
                "content": None,
                "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "Members", "arguments": arguments}}],
            },
        }],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens, "total_tokens": prompt_tokens + completion_tokens},
    }


GOOD = completion('{"cluster": "Polepharma", "members": 445}')


class Script:
    """Answers each request with the next scripted (status, body) and keeps the requests."""

    def __init__(self, *replies: tuple[int, dict]) -> None:
        self.replies = list(replies)
        self.requests: list[dict] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(json.loads(request.content))
        status, body = self.replies.pop(0)
        return httpx.Response(status, json=body)


def llm(script: Script, **options) -> LLM:
    options = {"attempts": 3, "reasks": 1, "wait": wait_none(), **options}
    return LLM(BASE_URL, "qwen", http_client=httpx.Client(transport=httpx.MockTransport(script)), **options)


def test_a_valid_tool_call_is_parsed_and_counted():
    script = Script((200, GOOD))
    client = llm(script)
    answer, usage = client.ask(Members, MESSAGES, max_tokens=64)
    assert answer == Members(cluster="Polepharma", members=445)
    assert type(answer) is Members
    assert (usage.calls, usage.prompt_tokens, usage.completion_tokens) == (1, 100, 10)
    assert usage.seconds >= 0
    request = script.requests[0]
    assert request["model"] == "qwen"
    assert request["max_tokens"] == 64
    assert request["temperature"] == 0.0
    assert request["tool_choice"]["function"]["name"] == request["tools"][0]["function"]["name"]
    assert request["tools"][0]["function"]["parameters"]["required"] == ["cluster", "members"]
    assert client.endpoint == BASE_URL


def test_rate_limit_is_retried_and_both_calls_count():
    script = Script((429, {"error": {"message": "slow down"}}), (200, GOOD))
    answer, usage = llm(script).ask(Members, MESSAGES)
    assert answer.members == 445
    assert usage.calls == 2
    assert usage.prompt_tokens == 100


def test_server_error_is_retried():
    script = Script((500, {"error": {"message": "llama_decode failed"}}), (200, GOOD))
    answer, usage = llm(script).ask(Members, MESSAGES)
    assert answer.cluster == "Polepharma"
    assert usage.calls == 2


def test_server_errors_that_persist_end_as_an_endpoint_error():
    script = Script(*[(503, {"error": {"message": "overloaded"}})] * 2)
    with pytest.raises(EndpointError, match=r"kept failing after 2 attempts \(HTTP 503"):
        llm(script, attempts=2).ask(Members, MESSAGES)
    assert len(script.requests) == 2


def test_unreachable_endpoint_is_a_clear_endpoint_error():
    base_url = f"http://127.0.0.1:{free_port()}/v1"
    client = LLM(base_url, "qwen", attempts=2, wait=wait_none(), timeout=5)
    with pytest.raises(EndpointError) as caught:
        client.ask(Members, MESSAGES)
    message = str(caught.value)
    assert message.startswith(f"Cannot reach the model endpoint at {base_url} (Connection refused; 2 attempts)")
    assert "--base-url" in message
    assert client.usage.calls == 2


def test_bad_arguments_are_reasked_with_the_error_then_accepted():
    script = Script((200, completion('{"cluster": "Polepharma", "members": -3}')), (200, GOOD))
    answer, usage = llm(script).ask(Members, MESSAGES)
    assert answer.members == 445
    assert (usage.calls, usage.prompt_tokens, usage.completion_tokens) == (2, 200, 20)
    reask = script.requests[1]["messages"]
    assert len(reask) == len(MESSAGES) + 2
    assert reask[-1]["role"] == "tool" and "members" in reask[-1]["content"]


def test_malformed_arguments_after_every_reask_is_a_model_output_error():
    script = Script((200, completion('{"cluster": "Polepharma", "members": ')), (200, completion("not json at all")))
    client = llm(script)
    with pytest.raises(ModelOutputError, match=r"did not fit Members after 2 tries"):
        client.ask(Members, MESSAGES)
    assert len(script.requests) == 2
    assert client.usage == Usage(2, 200, 20, client.usage.seconds)


def test_an_answer_cut_off_by_max_tokens_is_a_model_output_error():
    script = Script((200, completion('{"cluster": "Pole', finish_reason="length")))
    with pytest.raises(ModelOutputError, match="cut off at the 32-token limit"):
        llm(script).ask(Members, MESSAGES, max_tokens=32)
    assert len(script.requests) == 1


def test_a_wrong_model_name_is_not_retried():
    script = Script((404, {"error": {"message": "model 'gpt' not found"}}))
    with pytest.raises(EndpointError, match="does not serve 'qwen'"):
        llm(script).ask(Members, MESSAGES)
    assert len(script.requests) == 1


def test_a_rejected_request_fails_only_this_release():
    script = Script((400, {"error": {"message": "Requested tokens exceed context window"}}))
    with pytest.raises(ReleaseError, match="exceed context window") as caught:
        llm(script).ask(Members, MESSAGES)
    assert not isinstance(caught.value, ModelOutputError)


def test_usage_accumulates_across_asks():
    script = Script((200, GOOD), (429, {}), (200, GOOD))
    client = llm(script)
    first = client.ask(Members, MESSAGES)[1]
    second = client.ask(Members, MESSAGES)[1]
    assert (first.calls, second.calls) == (1, 2)
    assert client.usage.calls == 3
    assert client.usage.prompt_tokens == 200
    assert (first + second).calls == 3


def test_an_answer_that_used_every_token_is_cut_off_and_not_asked_again():
    # llama.cpp's server ends a tool call cut at max_tokens with finish_reason "tool_calls", not "length".
    script = Script((200, completion('{"cluster": "Pole', completion_tokens=32)), (200, GOOD))
    with pytest.raises(ModelOutputError, match="cut off at the 32-token limit"):
        llm(script).ask(Members, MESSAGES, max_tokens=32)
    assert len(script.requests) == 1


def test_a_bad_answer_within_the_limit_is_still_asked_again():
    script = Script((200, completion('{"cluster": "Pole', completion_tokens=31)), (200, GOOD))
    answer, _ = llm(script).ask(Members, MESSAGES, max_tokens=32)
    assert answer.members == 445 and len(script.requests) == 2


class Roster(BaseModel):
    clusters: list[Members]


@pytest.mark.parametrize("cut", [{"finish_reason": "length"}, {"completion_tokens": 32}])
def test_a_list_cut_off_at_the_token_limit_keeps_the_items_it_finished(cut):
    # a small model repeating its list: two items written in full, the third cut in the middle
    written = '{"clusters": [{"cluster": "Nordmed", "members": 80}, {"cluster": "Nordmed", "members": 80}, {"cluster": "Nord'
    script = Script((200, completion(written, **cut)))
    answer, usage = llm(script).ask(Roster, MESSAGES, max_tokens=32)
    assert [c.cluster for c in answer.clusters] == ["Nordmed", "Nordmed"]
    assert usage.cut == 1 and len(script.requests) == 1


def test_a_cut_off_list_keeps_an_item_that_closed_before_the_cut():
    script = Script((200, completion('{"clusters": [{"cluster": "Nordmed", "members": 80}, ', finish_reason="length")))
    answer, _ = llm(script).ask(Roster, MESSAGES, max_tokens=32)
    assert [c.cluster for c in answer.clusters] == ["Nordmed"]


def test_a_list_cut_off_before_any_item_was_finished_is_a_model_output_error():
    script = Script((200, completion('{"clusters": [{"cluster": "Nord', finish_reason="length")))
    with pytest.raises(ModelOutputError, match="cut off at the 32-token limit"):
        llm(script).ask(Roster, MESSAGES, max_tokens=32)
