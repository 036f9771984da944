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
 * Every record of the topics, decoded with the library's defaults, by one consumer (one group join,
 * however many topics). The topics are written transactionally, so their last offsets are commit
 * markers no consumer sees: the read ends once each topic has at least the records the caller
 * expects (config.expected) and all have been quiet for a while.
 */
async function consume() {
  const topics = {};
  for (const topic of config.topics) {
    topics[topic] = { records: 0, failures: 0, firstError: null, fields: [] };
  }
  const consumer = kafka.consumer({ groupId: `tension-interop-${process.pid}` });
  await consumer.connect();
  for (const topic of config.topics) {
    await consumer.subscribe({ topic, fromBeginning: true });
  }
  let lastRecordAt = 0;
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const result = topics[topic];
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
  const enough = () => config.topics.every(topic => topics[topic].records >= (config.expected[topic] || 1));
  const deadline = Date.now() + config.timeoutMillis;
  while (Date.now() < deadline && !(enough() && Date.now() - lastRecordAt > config.quietMillis)) {
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  await consumer.disconnect();
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
