// Drives the npm packages kafkajs and @kafkajs/confluent-schema-registry, with their default
// settings, against a running tension-streams: `produce` registers the project's Article.avsc and
// publishes articles encoded in JavaScript; `consume` reads topics from the beginning to their end
// and decodes every record. Prints one JSON line; JavaScriptInteropTest reads it.
import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';

const [mode, configFile] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configFile, 'utf8'));
const kafka = new Kafka({ clientId: 'tension-interop', brokers: config.brokers, logLevel: logLevel.NOTHING });
const registry = new SchemaRegistry({ host: config.registry });

async function produce() {
  const schema = readFileSync(config.avsc, 'utf8');
  const { id } = await registry.register({ type: SchemaType.AVRO, schema }, { subject: `${config.articlesTopic}-value` });
  const messages = [];
  for (const article of config.articles) {
    messages.push({ key: article.id, value: await registry.encode(id, article) });
  }
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: config.articlesTopic, messages });
  await producer.disconnect();
  return { schemaId: id, produced: messages.length };
}

/**
 * Every record of the topic, decoded with the library's defaults. The topics are written
 * transactionally, so their last offsets are commit markers no consumer sees: the read ends once
 * the topic has been quiet for a few seconds after its first record.
 */
async function decodeAll(topic) {
  const result = { records: 0, failures: 0, firstError: null, fields: [] };
  const consumer = kafka.consumer({ groupId: `tension-interop-${topic}-${process.pid}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let lastRecordAt = 0;
  await consumer.run({
    eachMessage: async ({ message }) => {
      result.records++;
      lastRecordAt = Date.now();
      try {
        const value = await registry.decode(message.value);
        if (result.fields.length === 0) {
          result.fields = Object.keys(value);
        }
      } catch (error) {
        result.failures++;
        result.firstError = result.firstError || String(error.message || error);
      }
    }
  });
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline && !(lastRecordAt > 0 && Date.now() - lastRecordAt > config.quietMillis)) {
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  await consumer.disconnect();
  return result;
}

async function consume() {
  const topics = {};
  for (const topic of config.topics) {
    topics[topic] = await decodeAll(topic);
  }
  return { topics };
}

try {
  const answer = mode === 'produce' ? await produce() : await consume();
  console.log(JSON.stringify(answer));
  process.exit(0);
} catch (error) {
  console.log(JSON.stringify({ error: String(error.stack || error) }));
  process.exit(1);
}
