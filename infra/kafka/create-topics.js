#!/usr/bin/env node
// The local stack's Kafka set-up step (infra/local/stack up, before anything is compiled): the same code as the
// image's dist/libs/platform/src/setup/create-topics.js — KAFKA_BROKERS and the services' KAFKA_TLS* / KAFKA_SASL*
// variables, through their client factory. Run from the repository root (it reads infra/kafka/topics).
'use strict';
require('../../tools/ts-hook');
require('../../libs/platform/src/setup/create-topics.ts');
